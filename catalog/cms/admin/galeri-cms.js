/* Galeri IKM's additions to Decap CMS: formats that read and write the content files
   exactly as the build expects them (catalog/cms/config.py explains why), and the Indonesian
   interface. Loaded after decap-cms.js and js-yaml, before Decap starts. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var jsyaml = window.jsyaml;
  var TYPES = window.GALERI_FIELD_TYPES || {};
  var FLAGS = { true: true, yes: true, on: true, y: true, "1": true,
                false: false, no: false, off: false, n: false, "0": false };

  /* Every scalar arrives as text (like the build's loader); numbers and flags are
     converted where the model says so, so "0812..." keeps its zero. */
  function typed(value, types, path) {
    if (Array.isArray(value)) {
      return value.map(function (item) { return typed(item, types, path); });
    }
    if (value !== null && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        out[key] = typed(value[key], types, path ? path + "." + key : key);
      });
      return out;
    }
    if (typeof value !== "string") return value;
    var kind = types[path];
    if (kind === "bool" && value.toLowerCase() in FLAGS) return FLAGS[value.toLowerCase()];
    if (kind === "int" && /^-?[0-9]+$/.test(value.trim())) return parseInt(value, 10);
    if (kind === "float" && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return parseFloat(value);
    return value;
  }

  function blank(value) {
    return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  }

  /* What a form leaves empty is left out of the file, not written as "" or []. */
  function pruned(value) {
    if (Array.isArray(value)) {
      var items = value.map(pruned).filter(function (item) { return item !== undefined; });
      return items.length ? items : undefined;
    }
    if (value !== null && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var kept = pruned(value[key]);
        if (kept !== undefined) out[key] = kept;
      });
      return Object.keys(out).length ? out : undefined;
    }
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string" && value.trim() === "") return undefined;
    return value;
  }

  function ordered(data, keys) {
    var out = {};
    (keys || []).forEach(function (key) { if (key in data) out[key] = data[key]; });
    Object.keys(data).forEach(function (key) { if (!(key in out)) out[key] = data[key]; });
    return out;
  }

  /* Every scalar as the text written, except an empty value, ~ and null (as the build's
     yamlsafe reads them). */
  var TEXT = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [jsyaml.types["null"]] });

  function parse(text) {
    var found = jsyaml.load(text, { schema: TEXT });
    return found === undefined || found === null ? {} : found;
  }

  function dump(data) {
    return jsyaml.dump(data, { lineWidth: -1, noRefs: true, quotingType: '"' });
  }

  /* Front matter between fence lines, then the Markdown body: the build's rule
     (catalog/content/sources.py): the first line is `---`, the next `---` or `...` line ends it,
     both may carry trailing blanks. */
  var FENCE = /^(---|\.\.\.)[ \t]*$/;

  function splitFrontMatter(text) {
    var lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
    if (!lines.length || !FENCE.test(lines[0]) || lines[0].indexOf("...") === 0) {
      return { data: {}, body: lines.join("\n"), fenced: false };
    }
    for (var end = 1; end < lines.length; end++) {
      if (FENCE.test(lines[end])) {
        return {
          data: parse(lines.slice(1, end).join("\n")),
          body: lines.slice(end + 1).join("\n").replace(/^\n/, ""),
          fenced: true
        };
      }
    }
    throw new Error("front matter without its closing ---");
  }

  /* Shapes Decap cannot edit as written in the files, and back. */
  var SHAPES = {
    "galeri-produk": {
      read: function (data) {
        if (typeof data.price === "string" || typeof data.price === "number") data.price = { from: data.price };
        return data;
      },
      write: function (data) {
        var price = data.price;
        if (price && typeof price === "object") {
          var from = blank(price.from) ? undefined : price.from;
          var to = blank(price.to) ? undefined : price.to;
          if (from === undefined || to === undefined || String(from) === String(to)) data.price = from === undefined ? to : from;
          else data.price = { from: from, to: to };
        }
        return data;
      }
    },
    "galeri-ikm": {
      read: function (data) {
        var shops = data.marketplaces;
        if (shops && typeof shops === "object" && !Array.isArray(shops)) {
          data.marketplaces = Object.keys(shops).map(function (name) { return { name: name, url: shops[name] }; });
        }
        return data;
      },
      write: function (data) {
        if (Array.isArray(data.marketplaces)) {
          var shops = {};
          data.marketplaces.forEach(function (shop) { if (shop.name) shops[shop.name] = shop.url; });
          data.marketplaces = shops;
        }
        return data;
      }
    },
    "galeri-situs": {
      read: function (data) {
        var print = data.print;
        if (print && print.include !== undefined) {
          var include = print.include;
          print.include = typeof include === "string" ? { mode: include }
            : { mode: "listed", categories: include.categories, businesses: include.businesses };
        }
        return data;
      },
      write: function (data) {
        var print = data.print;
        if (print && print.include) {
          var include = print.include;
          if (include.mode === "listed") {
            print.include = { categories: include.categories, businesses: include.businesses };
          } else {
            print.include = include.mode || "all";
          }
        }
        return data;
      }
    }
  };
  SHAPES["galeri-produk-yaml"] = SHAPES["galeri-produk"];

  function shape(name, way, data) {
    var shaper = SHAPES[name];
    return shaper ? shaper[way](data) : data;
  }

  function frontMatterFormat(name) {
    return {
      fromFile: function (text) {
        var parts = splitFrontMatter(text);
        var data = shape(name, "read", typed(parts.data, TYPES[name] || {}, ""));
        data.body = parts.body;
        return data;
      },
      toFile: function (data, sortedKeys) {
        var body = (data.body || "").replace(/\s+$/, "");
        var rest = Object.assign({}, data);
        delete rest.body;
        var fields = pruned(typed(shape(name, "write", rest), TYPES[name] || {}, ""));
        if (!fields) return body + "\n";  // a free page titled by its # heading needs no front matter
        var text = "---\n" + dump(ordered(fields, sortedKeys)) + "---\n";
        return body ? text + "\n" + body + "\n" : text;
      }
    };
  }

  function yamlFormat(name) {
    return {
      fromFile: function (text) {
        return shape(name, "read", typed(parse(text.replace(/^\uFEFF/, "")), TYPES[name] || {}, ""));
      },
      toFile: function (data, sortedKeys) {
        var fields = pruned(typed(shape(name, "write", Object.assign({}, data)), TYPES[name] || {}, "")) || {};
        return dump(ordered(fields, sortedKeys));
      }
    };
  }

  /* categories.yaml is a list at its root; Decap edits a mapping, so the form holds it
     under `categories`. */
  var categoriesFormat = {
    fromFile: function (text) {
      var found = parse(text.replace(/^\uFEFF/, ""));
      return { categories: Array.isArray(found) ? found : [] };
    },
    toFile: function (data) {
      return dump(pruned(data.categories || []) || []);
    }
  };

  CMS.registerCustomFormat("galeri-ikm", "md", frontMatterFormat("galeri-ikm"));
  CMS.registerCustomFormat("galeri-produk", "md", frontMatterFormat("galeri-produk"));
  CMS.registerCustomFormat("galeri-halaman", "md", frontMatterFormat("galeri-halaman"));
  CMS.registerCustomFormat("galeri-produk-yaml", "yaml", yamlFormat("galeri-produk-yaml"));
  CMS.registerCustomFormat("galeri-situs", "yaml", yamlFormat("galeri-situs"));
  CMS.registerCustomFormat("galeri-kategori", "yaml", categoriesFormat);
  if (window.GALERI_DECAP_ID) CMS.registerLocale("id", window.GALERI_DECAP_ID);

  /* A business desk: the shared desk configuration, with its business filled in. */
  function filled(value, names) {
    if (typeof value === "string") {
      return value.split("{{desk}}").join(names.slug).split("{{desk_name}}").join(names.name);
    }
    if (Array.isArray(value)) return value.map(function (item) { return filled(item, names); });
    if (value !== null && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) { out[key] = filled(value[key], names); });
      return out;
    }
    return value;
  }

  var desk = document.querySelector('meta[name="galeri-desk"]');
  if (desk) {
    fetch(desk.getAttribute("data-config"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (config) {
        var names = { slug: desk.content, name: desk.getAttribute("data-name") };
        config = filled(config, names);
        if (!desk.hasAttribute("data-yaml")) {
          config.collections = config.collections.filter(function (c) {
            return c.name !== "produk-yaml-" + names.slug;
          });
        }
        CMS.init({ config: config });
      });
  }
})();
