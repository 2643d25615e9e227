import pytest

from catalog.content.yamlsafe import YamlProblem, format_loc, line_for, parse


def test_scalars_stay_as_written():
    data, _ = parse("whatsapp: 081234567890\nsku: 00123\nnumber: NO\non: yes\nquoted: 'null'\nempty:\n")
    assert data == {
        "whatsapp": "081234567890",
        "sku": "00123",
        "number": "NO",
        "on": "yes",
        "quoted": "null",
        "empty": None,
    }


def test_lines_of_every_location():
    _data, lines = parse("name: A\nvariants:\n  - name: B\n    price: 5\n", first_line=2)
    assert lines[("name",)] == 2
    assert lines[("variants", 0, "price")] == 5
    assert line_for(lines, ("variants", 0, "missing")) == 4
    assert format_loc(("variants", 0, "price")) == "variants[0].price"


def test_duplicate_key_is_an_error_with_its_line():
    with pytest.raises(YamlProblem) as caught:
        parse("name: A\nprice: 1\nprice: 2\n")
    assert (caught.value.message_key, caught.value.line, caught.value.key) == ("duplicate_key", 3, "price")


@pytest.mark.parametrize(
    "text",
    ["x: !!python/object/apply:os.system ['echo hi']\n", "x: !custom 1\n", "x: !!binary aGVsbG8=\n"],
)
def test_tags_cannot_construct_objects(text):
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert caught.value.message_key == "yaml_tag"


def test_alias_bomb_is_refused():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 9):
        previous = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]")
    with pytest.raises(YamlProblem) as caught:
        parse("\n".join(lines) + "\n")
    assert caught.value.message_key == "yaml_too_big"


def test_recursive_alias_is_refused():
    with pytest.raises(YamlProblem) as caught:
        parse("a: &a\n  b: *a\n")
    assert caught.value.message_key == "yaml_too_deep"


def test_syntax_error_has_the_line_of_the_mistake():
    with pytest.raises(YamlProblem) as caught:
        parse("name: A\nprice: [1, 2\nunit: pcs\n", first_line=2)
    assert (caught.value.message_key, caught.value.line) == ("yaml_unclosed_bracket", 3)
    assert caught.value.detail == {"open": "[", "close": "]"}


def test_merge_keys_are_refused():
    with pytest.raises(YamlProblem) as caught:
        parse("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert caught.value.message_key == "yaml_key"
