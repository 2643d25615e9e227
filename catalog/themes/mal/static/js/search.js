// Search at /cari/ and sorting/filtering of listings, through the Pagefind index that
// catalog/outputs/search/index.py writes. Pagefind's script and data are fetched only when a search runs.
//
// The index is split in parts; /pagefind/ itself is a small router whose records stand for
// the parts (peta.json maps them). A search first asks the router which parts can answer,
// then merges and searches only those, and by relevance only as many of them as the
// results shown need (byRelevance). A sorted search asks each part for its own sorted
// list and merges the lists by the sort values kept in the records' meta, because Pagefind
// orders merged parts by score, which in a sorted search is the rank inside each part.
// Records without a sort key (a shop has no price) are not in that sort's results.

const PAGE = 24;
const NONE = "k1000000000000"; // the sort value of a product without a price (search.py)
const engines = {};
let peta = null;

// Two Pagefind instances, each made when first needed, both routed by /pagefind/: one merges
// the parts for searches by relevance, with metadata that leaves out the sort orders; the
// other merges them with the sort orders (`map.urut`, search_bytes.py), for sorted searches.
function open(base, sorted) {
  const kind = sorted ? "sorted" : "relevance";
  engines[kind] ??= (async () => {
    peta ??= fetch(`${base}peta.json`).then((answer) => {
      if (!answer.ok) throw new Error(`peta.json: ${answer.status}`);
      return answer.json();
    });
    const [pagefind, map] = await Promise.all([import(`${base}pagefind.js`), peta]);
    // Record URLs are complete paths already: a site under /galeri/ must not get /galeri/galeri/.
    const options = { baseUrl: "/", metaCacheTag: map.versi };
    const pf = pagefind.createInstance({ basePath: base, ...options });
    await pf.init();
    const merging = sorted ? { ...options, language: map.urut } : options;
    return { pf, map, base, merging, merged: new Set() };
  })();
  engines[kind].catch(reset);
  return engines[kind];
}

// After a failure (a part or the router that did not load), start afresh on the next search:
// a Pagefind instance keeps a merged index that failed to load and fails every search after.
function reset() {
  for (const [kind, engine] of Object.entries(engines)) {
    delete engines[kind];
    engine.then((e) => e.pf.destroy()).catch(() => {});
  }
  peta = null;
}

async function merge(e, part) {
  if (e.merged.has(part)) return;
  e.merged.add(part);
  await e.pf.mergeIndex(`${e.base}${part}/`, e.merging);
}

// The matches of `term` (or of the filters alone when term is null), sorted by `sort` (a
// sort key, ascending) or by relevance: `take(n)` gives the next n results' data, `total`
// how many there are so far, `exact` whether that is all of them.
async function find(base, term, filters, sort) {
  const e = await open(base, Boolean(sort));
  const { pf, map } = e;
  // Filters alone search for the word every record has: Pagefind answers a search without
  // words by loading every chunk of every merged index.
  const words = term ?? map.semua;
  const routed = await pf.search(words, { filters });
  const routes = routed.results.filter((r) => r.id in map.bagian);
  if (!routes.length) return { total: 0, exact: true, take: async () => [] };
  if (!sort) return byRelevance(e, words, filters, routes);
  const parts = routes.map((r) => map.bagian[r.id]).sort();
  for (const part of parts) await merge(e, part);
  const lists = await Promise.all(
    parts.map(async (part) => {
      const found = await pf.search(words, { filters: { ...filters, bagian: part }, sort: { [sort]: "asc" } });
      return { results: found.results, at: 0, head: null };
    }),
  );
  const total = lists.reduce((sum, list) => sum + list.results.length, 0);
  const fill = async (list) => {
    if (list.head === null && list.at < list.results.length) list.head = await list.results[list.at].data();
  };
  return {
    total,
    exact: true,
    take: async (n) => {
      const out = [];
      while (out.length < n) {
        await Promise.all(lists.map(fill));
        let best = null;
        for (const list of lists) {
          if (list.head && (!best || list.head.meta[sort] < best.head.meta[sort])) best = list;
        }
        if (!best) break;
        out.push(best.head);
        best.head = null;
        best.at += 1;
      }
      return out;
    },
  };
}

// A search by relevance merges the parts one by one, those where its words matched most
// often first (the router repeats a word by how many of a part's records hold it), until
// it has the results asked for: a first search loads the parts its first page needs, not
// every part that holds the word. Each merge searches again; results already shown stay.
function byRelevance(e, words, filters, routes) {
  const order = routes
    .map((r) => ({ part: e.map.bagian[r.id], matched: r.words.length }))
    .sort((a, b) => b.matched - a.matched || (a.part < b.part ? -1 : 1))
    .map((r) => r.part);
  const shown = new Set();
  let hits = [];
  let next = 0;
  const widen = async () => {
    while (next < order.length && e.merged.has(order[next])) next++; // searched in any case
    if (next < order.length) await merge(e, order[next++]);
    const found = await e.pf.search(words, { filters });
    hits = found.results.filter((r) => !(r.id in e.map.bagian) && !shown.has(r.id));
  };
  return {
    get total() { return shown.size + hits.length; },
    get exact() { return next >= order.length; },
    take: async (n) => {
      while (hits.length < n && next < order.length) await widen();
      const taken = hits.splice(0, n);
      for (const r of taken) shown.add(r.id);
      return Promise.all(taken.map((r) => r.data()));
    },
  };
}

// --- what a result looks like --------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function say(strings, key, values = {}) {
  return strings[key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

function photo(d, placeholder, sizes) {
  const m = d.meta;
  if (!m.image) return el("img", { src: placeholder, width: 400, height: 400, alt: "", loading: "lazy" });
  return el("img", { src: m.image, width: m.w, height: m.h, alt: m.image_alt || "", loading: "lazy", decoding: "async", sizes });
}

function card(d, strings, placeholder, level) {
  const kind = d.filters.tipe?.[0] || "produk";
  const media = el("div", { class: "pcard-media" }, photo(d, placeholder));
  const stock = d.filters.stok?.[0];
  if (stock && stock !== "available") media.append(el("span", { class: `badge stock-${stock}` }, d.meta.stok));
  const body = el("div", { class: "pcard-body" });
  if (kind !== "produk") body.append(el("p", { class: "result-kind" }, kind === "toko" ? strings.store : strings.category));
  body.append(el(`h${level}`, { class: "pcard-title" }, el("a", { href: d.url }, d.meta.title)));
  if (kind === "produk") {
    const price = el("p", { class: `price pcard-price${d.meta.murah === NONE ? " price-ask" : ""}` }, el("span", { class: "price-value" }, d.meta.harga));
    if (d.meta.satuan) price.append(" ", el("span", { class: "price-unit" }, d.meta.satuan));
    body.append(price, el("p", { class: "pcard-maker" }, d.meta.usaha));
  } else if (kind === "toko") {
    body.append(el("p", { class: "pcard-maker" }, [d.meta.usaha, d.meta.kecamatan].filter(Boolean).join(" · ")));
  } else {
    body.append(el("p", { class: "pcard-maker" }, [d.meta.induk, say(strings, "products", { n: d.meta.jumlah })].filter(Boolean).join(" · ")));
  }
  return el("li", {}, el("article", { class: `pcard result-${kind}` }, media, body));
}

function row(d, strings) {
  const logo = el("span", { class: "tenant-logo", "aria-hidden": "true" });
  logo.append(d.meta.image ? photo(d, "", "48px") : el("span", { class: "initial" }, d.meta.title.trim().charAt(0).toUpperCase()));
  const meta = el("p", { class: "store-meta" }, el("span", { class: `badge badge-${d.filters.usaha?.[0] || "ikm"}` }, d.meta.usaha));
  if (d.meta.kecamatan) meta.append(el("span", { class: "meta-item" }, d.meta.kecamatan));
  meta.append(el("span", { class: "meta-item" }, say(strings, "products", { n: d.meta.jumlah })));
  const body = el("div", { class: "tenant-body" }, el("h3", { class: "tenant-name" }, el("a", { href: d.url }, d.meta.title)), meta);
  return el("li", {}, el("article", { class: "tenant" }, logo, body));
}

// --- a results list with "show more" -------------------------------------------------

function results({ list, status, more, strings, render }) {
  let current = 0;
  return async (base, term, filters, sort, lead = "") => {
    const run = ++current;
    status.hidden = false;
    status.textContent = strings.searching;
    list.setAttribute("aria-busy", "true");
    const fail = (error) => {
      if (run !== current) return; // a newer search runs: its own failure, if any, resets
      reset();
      console.error(error);
      status.textContent = strings.error;
      more.hidden = true;
    };
    try {
      const found = await find(base, term, filters, sort);
      if (run !== current) return;
      list.replaceChildren();
      let taking = false; // a second tap while a page loads must not take it twice
      const show = async () => {
        if (taking) return;
        taking = true;
        const items = await found.take(PAGE).finally(() => { taking = false; });
        if (run !== current) return;
        list.append(...items.map(render));
        more.hidden = found.exact && list.children.length >= found.total;
        const n = found.total.toLocaleString(document.documentElement.lang);
        status.textContent = found.total
          ? `${say(strings, found.exact ? "count" : "countMore", { n })} ${lead}`.trim()
          : strings.none;
      };
      await show();
      more.onclick = () => show().catch(fail);
    } catch (error) {
      fail(error);
    } finally {
      if (run === current) list.removeAttribute("aria-busy");
    }
  };
}

function chosen(form, names) {
  const filters = {};
  for (const name of names) {
    const value = form.elements[name]?.value;
    if (value) filters[name] = value;
  }
  return filters;
}

// --- /cari/ --------------------------------------------------------------------------

function searchPage(form) {
  const strings = JSON.parse(form.dataset.strings);
  const base = form.dataset.pagefind;
  const names = ["tipe", "kategori", "kecamatan", "usaha", "stok", "harga"];
  const list = document.getElementById("hasil");
  const run = results({
    list,
    status: document.getElementById("hasil-status"),
    more: document.getElementById("hasil-lagi"),
    strings,
    render: (d) => card(d, strings, form.dataset.placeholder, 2),
  });
  const fromAddress = () => {
    const params = new URLSearchParams(location.search);
    for (const name of ["q", "urut", ...names]) {
      const field = form.elements[name];
      const value = params.get(name) || "";
      if (field && (field.tagName !== "SELECT" || [...field.options].some((o) => o.value === value))) field.value = value;
    }
    if (Object.keys(chosen(form, names)).length) form.querySelector("details").open = true;
  };
  const go = () => {
    const term = form.elements.q.value.trim() || null;
    const filters = chosen(form, names);
    if (term === null && !Object.keys(filters).length) {
      list.replaceChildren();
      document.getElementById("hasil-status").textContent = "";
      document.getElementById("hasil-lagi").hidden = true;
      return;
    }
    const sort = form.elements.urut.value || (term === null ? "pilihan" : null);
    run(base, term, filters, sort, term ? say(strings, "for", { q: term }) : "");
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...params]) if (!value) params.delete(key);
    history.pushState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
    go();
  });
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT") form.requestSubmit();
  });
  window.addEventListener("popstate", () => {
    fromAddress();
    go();
  });
  fromAddress();
  go();
  if (!form.elements.q.value) form.elements.q.focus();
}

// --- sorting tools of a category page or the directory ---------------------------------

function browseTools(form) {
  const strings = JSON.parse(form.dataset.strings);
  const base = form.dataset.pagefind;
  const scope = JSON.parse(form.dataset.scope);
  const target = document.getElementById(form.dataset.target);
  const original = [...target.children];
  const hides = form.dataset.hides ? [...document.querySelectorAll(form.dataset.hides)] : [];
  const stores = scope.tipe === "toko";
  const list = el("ul", { class: stores ? "tenants results" : "grid results", role: "list" });
  const more = el("button", { class: "btn btn-ghost", type: "button", hidden: "" }, strings.more);
  const status = document.getElementById(`${form.dataset.target}-status`);
  const run = results({
    list,
    status,
    more,
    strings,
    render: stores ? (d) => row(d, strings) : (d) => card(d, strings, form.dataset.placeholder, 3),
  });
  const names = [...form.querySelectorAll("select")].map((s) => s.name).filter((n) => n !== "urut");
  form.addEventListener("submit", (event) => event.preventDefault());
  const apply = () => {
    const filters = chosen(form, names);
    const sort = form.elements.urut.value;
    const browsing = Boolean(sort || Object.keys(filters).length);
    for (const other of hides) other.hidden = browsing; // e.g. the A–Z jumps into the list
    if (!browsing) {
      target.replaceChildren(...original);
      status.hidden = true;
      return;
    }
    target.replaceChildren(list, el("p", { class: "results-more" }, more));
    run(base, null, { ...scope, ...filters }, sort || "pilihan");
  };
  form.addEventListener("change", apply);
  // A choice made before this script ran, or kept by the browser on "back", still applies.
  if ([...form.querySelectorAll("select")].some((select) => select.value)) apply();
}

const page = document.getElementById("cari");
if (page?.dataset.pagefind) searchPage(page);
for (const form of document.querySelectorAll("form.browse-tools[data-pagefind]")) browseTools(form);
