"""Join PDF files into one, holding one part in memory at a time.

pypdf's `PdfWriter` keeps every object of the joined document until it writes the file:
about 0.75 GB for a 5,000-page catalog of 65 MB. Here each part's objects are copied
to the output as soon as they are read and renumbered; between parts only the object
offsets, the page references and the bookmarks are kept. Not carried over: named
destinations (the print templates link nowhere inside a document; a link from the
foreword to a product works only in a catalog laid out in one piece) and structure
trees (parts are written untagged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)


@dataclass
class Bookmark:
    title: str
    page: IndirectObject  # in the joined file
    top: float | None
    children: list[Bookmark] = field(default_factory=list)


_KEPT = ("/OutputIntents", "/Metadata")


def join(parts: list[Path], target: Path, identifier: bytes) -> int:
    """Write `parts` one after another to `target`, with the first part's metadata and
    language; return its page count."""
    with target.open("wb") as out:
        writer = _Writer(out)
        pages_ref = writer.reserve()
        kids: list[IndirectObject] = []
        bookmarks: list[Bookmark] = []
        info: dict[str, str] = {}
        lang = None
        kept: dict[str, Any] = {}
        for number, part in enumerate(parts):
            reader = PdfReader(part)
            copier = _Copier(writer, pages_ref)
            if number == 0:
                info = {key: str(value) for key, value in (reader.metadata or {}).items()}
                lang = reader.trailer["/Root"].get("/Lang")
                old = reader.trailer["/Root"]  # a press edition's output intent and its XMP
                kept = {key: copier.copy(dict.get(old, key)) for key in _KEPT if key in old}
            copied = [copier.ref(page.indirect_reference) for page in reader.pages]
            copier.flush()
            bookmarks += _bookmarks(reader, reader.outline, copied)
            kids += copied
        pages = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Pages"),
                NameObject("/Kids"): ArrayObject(kids),
                NameObject("/Count"): NumberObject(len(kids)),
            }
        )
        writer.put(pages_ref, pages)
        root = DictionaryObject(
            {NameObject("/Type"): NameObject("/Catalog"), NameObject("/Pages"): pages_ref}
        )
        if bookmarks:
            root[NameObject("/Outlines")] = _write_outline(writer, bookmarks)
            root[NameObject("/PageMode")] = NameObject("/UseOutlines")
        if lang:
            root[NameObject("/Lang")] = TextStringObject(str(lang))
        root.update({NameObject(key): value for key, value in kept.items()})
        metadata = DictionaryObject(
            {NameObject(key): TextStringObject(value) for key, value in info.items() if value}
        )
        writer.finish(writer.add(root), writer.add(metadata), identifier)
    return len(kids)


class _Writer:
    """Objects written as they come; the cross-reference table at the end."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.offsets: list[int] = [0]  # by object number; 0 is the free list's head
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> IndirectObject:
        self.offsets.append(-1)
        return IndirectObject(len(self.offsets) - 1, 0, None)

    def put(self, ref: IndirectObject, obj: PdfObject) -> None:
        offset = self.out.tell()
        if offset >= 10**10:  # a cross-reference entry has ten digits
            raise ValueError("a joined PDF cannot be larger than 10 GB: print less (print.include)")
        self.offsets[ref.idnum] = offset
        self.out.write(f"{ref.idnum} 0 obj\n".encode())
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")

    def add(self, obj: PdfObject) -> IndirectObject:
        ref = self.reserve()
        self.put(ref, obj)
        return ref

    def finish(self, root: IndirectObject, info: IndirectObject, identifier: bytes) -> None:
        if -1 in self.offsets:
            raise RuntimeError(f"object {self.offsets.index(-1)} was reserved and never written")
        start = self.out.tell()
        lines = [f"xref\n0 {len(self.offsets)}\n0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self.offsets[1:]]
        self.out.write("".join(lines).encode())
        ident = identifier.hex()
        self.out.write(
            f"trailer\n<< /Size {len(self.offsets)} /Root {root.idnum} 0 R /Info {info.idnum} 0 R "
            f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{start}\n%%EOF\n".encode()
        )


class _Copier:
    """Copies the objects one part's pages reach, renumbered into the joined file."""

    def __init__(self, writer: _Writer, pages_ref: IndirectObject) -> None:
        self.writer = writer
        self.pages_ref = pages_ref  # every page's new parent
        self.numbers: dict[int, IndirectObject] = {}
        self.queue: list[tuple[IndirectObject, IndirectObject]] = []

    def ref(self, old: IndirectObject) -> IndirectObject:
        new = self.numbers.get(old.idnum)
        if new is None:
            new = self.numbers[old.idnum] = self.writer.reserve()
            self.queue.append((old, new))
        return new

    def flush(self) -> None:
        while self.queue:
            old, new = self.queue.pop()
            found = old.get_object()  # None when a part names an object it lacks
            self.writer.put(new, NullObject() if found is None else self.copy(found))

    def copy(self, obj: Any) -> Any:
        if isinstance(obj, IndirectObject):
            return self.ref(obj)
        if isinstance(obj, StreamObject):
            # Renumbered in place: the part's own object writes its data still encoded, as read
            # (pypdf has no public way to build a stream from encoded bytes), and the part's
            # reader is dropped once the part is joined.
            return self.renumber(obj, obj)
        if isinstance(obj, DictionaryObject):
            return self.renumber(obj, DictionaryObject())
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.copy(value) for value in list.__iter__(obj))
        return obj

    def renumber(self, obj: DictionaryObject, into: DictionaryObject) -> DictionaryObject:
        """`obj`'s entries, their references renumbered, in `into`; a page's parent is the joined tree."""
        is_page = dict.get(obj, "/Type") == "/Page"
        for key, value in list(dict.items(obj)):
            into[NameObject(key)] = self.pages_ref if is_page and key == "/Parent" else self.copy(value)
        return into


def _bookmarks(reader: PdfReader, outline: list[Any], pages: list[IndirectObject]) -> list[Bookmark]:
    """A part's bookmarks (pypdf's nested list: a list follows its parent) on the new pages."""
    found: list[Bookmark] = []
    for item in outline:
        if isinstance(item, list):
            if found:
                found[-1].children += _bookmarks(reader, item, pages)
            continue
        number = reader.get_destination_page_number(item)
        if number is not None and 0 <= number < len(pages):
            top = item.top if isinstance(item.top, (int, float)) else None
            found.append(Bookmark(str(item.title), pages[number], top))
    return found


def _write_outline(writer: _Writer, bookmarks: list[Bookmark]) -> IndirectObject:
    root = writer.reserve()
    first, last, count = _write_level(writer, bookmarks, root)
    outlines = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Outlines"),
            NameObject("/First"): first,
            NameObject("/Last"): last,
            NameObject("/Count"): NumberObject(count),
        }
    )
    writer.put(root, outlines)
    return root


def _write_level(
    writer: _Writer, bookmarks: list[Bookmark], parent: IndirectObject
) -> tuple[IndirectObject, IndirectObject, int]:
    """Write one level of bookmarks (all open); return its first, last and visible count."""
    refs = [writer.reserve() for _ in bookmarks]
    count = len(bookmarks)
    for index, (bookmark, ref) in enumerate(zip(bookmarks, refs, strict=True)):
        top = FloatObject(bookmark.top) if bookmark.top is not None else NullObject()
        item = DictionaryObject(
            {
                NameObject("/Title"): TextStringObject(bookmark.title),
                NameObject("/Parent"): parent,
                NameObject("/Dest"): ArrayObject(
                    [bookmark.page, NameObject("/XYZ"), NullObject(), top, NullObject()]
                ),
            }
        )
        if index:
            item[NameObject("/Prev")] = refs[index - 1]
        if index + 1 < len(refs):
            item[NameObject("/Next")] = refs[index + 1]
        if bookmark.children:
            first, last, below = _write_level(writer, bookmark.children, ref)
            item.update(
                {
                    NameObject("/First"): first,
                    NameObject("/Last"): last,
                    NameObject("/Count"): NumberObject(below),
                }
            )
            count += below
        writer.put(ref, item)
    return refs[0], refs[-1], count
