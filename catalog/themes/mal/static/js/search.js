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
const TYPING = 300; // ms without a key pressed before a search runs as the visitor types
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
  // The word every record has is never searched for as typed ("zzz" would list everything)
  const asked = term === null ? null : tokens(firstWords(term, map.sinonim)).filter((w) => !map.semua.startsWith(w));
  if (asked && !asked.length) return { total: 0, exact: true, take: async () => [] };
  // Filters alone search for the word every record has: Pagefind answers a search without
  // words by loading every chunk of every merged index.
  const words = asked ? asked.join(" ") : map.semua;
  const routed = await pf.search(words, { filters });
  const routes = routed.results.filter((r) => r.id in map.bagian);
  if (!routes.length) return { total: 0, exact: true, take: async () => [] };
  if (!sort) return byRelevance(e, words, asked ?? [], filters, routes);
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

// The query with each spelling variant or synonym replaced by its group's first word, the
// one the records hold (synonyms.py): "kripik" -> "keripik", "oleh-oleh" -> "suvenir".
function firstWords(term, groups) {
  const words = Object.keys(groups ?? {}).sort((a, b) => b.length - a.length);
  if (!words.length) return term;
  const quoted = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${quoted})(?![\\p{L}\\p{N}])`, "gu");
  return term.toLocaleLowerCase().replace(pattern, (found) => groups[found]);
}

// A query's words as the records' text is compared with them: lower case, letters and digits.
function tokens(text) {
  return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The length of the longest run of letters two words share.
function shared(a, b) {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

// Whether a record's text really holds every word asked. Pagefind also matches a record
// whose word is a mere beginning of the one asked ("x" of "40 x 30" for "xyzzy", "ba" of a
// photo's file name for "batik"); its own stemming ("batiknya", "dijual") shares most of
// the word, which this keeps.
function holds(text, asked) {
  const have = tokens(text);
  return asked.every((w) => {
    const need = Math.min(w.length, Math.max(3, Math.ceil(w.length * 0.6)));
    return have.some((c) => c.startsWith(w) || (c.length >= need && shared(c, w) >= need));
  });
}

// A search by relevance merges the parts one by one, those where its words matched most
// often first (the router repeats a word by how many of a part's records hold it), until
// it has the results asked for: a first search loads the parts its first page needs, not
// every part that holds the word. The categories' part (`depan`, small) comes first, and
// stores and floors whose name matches (the `tempat` meta field) lead the results not yet
// shown. Each merge searches again; results already shown stay.
function byRelevance(e, words, asked, filters, routes) {
  const front = new Set(e.map.depan);
  const order = routes
    .map((r) => ({ part: e.map.bagian[r.id], matched: front.has(e.map.bagian[r.id]) ? Infinity : r.words.length }))
    .sort((a, b) => b.matched - a.matched || (a.part < b.part ? -1 : 1))
    .map((r) => r.part);
  const named = (r) => Boolean(r.matchedMetaFields?.includes(e.map.tempat));
  const shown = new Set();
  let hits = [];
  let next = 0;
  let kept = 0;
  let held = true; // whether the last page taken held a real match (holds)
  const widen = async () => {
    while (next < order.length && e.merged.has(order[next])) next++; // searched in any case
    if (next < order.length) await merge(e, order[next++]);
    const found = await e.pf.search(words, { filters });
    const fresh = found.results.filter((r) => !(r.id in e.map.bagian) && !shown.has(r.id));
    hits = [...fresh.filter(named), ...fresh.filter((r) => !named(r))];
  };
  return {
    get total() { return kept + hits.length; },
    get exact() { return next >= order.length || !held; },
    take: async (n) => {
      const out = [];
      // A page without one real match means the rest are Pagefind's loose matches too
      while (out.length < n && held && (hits.length || next < order.length)) {
        while (hits.length < n && next < order.length) await widen();
        const taken = hits.splice(0, n - out.length);
        for (const r of taken) shown.add(r.id);
        const data = await Promise.all(taken.map((r) => r.data()));
        const real = data.filter((d) => holds(d.content, asked));
        held = real.length > 0;
        kept += real.length;
        out.push(...real);
        if (!held) hits = [];
      }
      return out;
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

// "Rp" joined to its number, a range's dash to the price before it (theme.py `unbroken`)
function unbroken(price) {
  return price.replace(/Rp /g, "Rp\u00a0").replace(/ –/g, "\u00a0–");
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
    const price = el("p", { class: `price pcard-price${d.meta.murah === NONE ? " price-ask" : ""}` }, el("span", { class: "price-value" }, unbroken(d.meta.harga)));
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

function results({ list, status, more, strings, render, empty = () => {} }) {
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
    empty(undefined);
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
        const none = !list.children.length;
        more.hidden = none || (found.exact && list.children.length >= found.total);
        const n = Math.max(found.total, list.children.length).toLocaleString(document.documentElement.lang);
        status.textContent = none
          ? strings.none
          : `${say(strings, found.exact ? "count" : "countMore", { n })} ${lead}`.trim();
        empty(none ? term : undefined);
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
    const field = form.elements[name];
    const value = field?.type === "checkbox" ? field.checked && field.value : field?.value;
    if (value) filters[name] = value;
  }
  return filters;
}

// --- /cari/ --------------------------------------------------------------------------

function searchPage(form) {
  const strings = JSON.parse(form.dataset.strings);
  const base = form.dataset.pagefind;
  const names = ["tipe", "kategori", "kecamatan", "usaha", "stok", "harga", "galeri"];
  const list = document.getElementById("hasil");
  const run = results({
    list,
    status: document.getElementById("hasil-status"),
    more: document.getElementById("hasil-lagi"),
    strings,
    render: (d) => card(d, strings, form.dataset.placeholder, 2),
    empty: (term) => suggest(base, term),
  });
  const fromAddress = () => {
    const params = new URLSearchParams(location.search);
    for (const name of ["q", "urut", ...names]) {
      const field = form.elements[name];
      const value = params.get(name) || "";
      if (field?.type === "checkbox") field.checked = value === field.value;
      else if (field && (field.tagName !== "SELECT" || [...field.options].some((o) => o.value === value))) field.value = value;
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
      suggest(base, undefined);
      return;
    }
    const sort = form.elements.urut.value || (term === null ? "pilihan" : null);
    run(base, term, filters, sort, term ? say(strings, "for", { q: term }) : "");
  };
  // The address holds the search: Enter and a filter add a step to the history, typing
  // (`replace`) only updates it, so "back" does not walk through every letter typed.
  const remember = (replace) => {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...params]) if (!value) params.delete(key);
    const address = `${location.pathname}${params.size ? `?${params}` : ""}`;
    if (address !== `${location.pathname}${location.search}`) history[replace ? "replaceState" : "pushState"](null, "", address);
  };
  let typing = 0;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    remember(false);
    go();
  });
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT" || event.target.type === "checkbox") form.requestSubmit();
  });
  // Search as the visitor types: from three letters, once typing pauses (TYPING ms)
  form.elements.q.addEventListener("input", () => {
    clearTimeout(typing);
    const typed = form.elements.q.value.trim();
    if (typed.length && typed.length < 3) return;
    typing = setTimeout(() => {
      remember(true);
      go();
    }, TYPING);
  });
  window.addEventListener("popstate", () => {
    fromAddress();
    go();
  });
  fromAddress();
  go();
  if (!form.elements.q.value) form.elements.q.focus();
}

// "Maksud Anda …?" when a search finds nothing: each word of the query that is not among
// the index's most common words (kata.json, fetched only now) is replaced by the closest
// of them (at most one letter changed, added, dropped or swapped in words up to 5 letters,
// two in longer ones); the floors are listed under it in the page.
let known = null;

async function suggest(base, term) {
  const box = document.getElementById("hasil-saran");
  if (!box) return;
  box.hidden = term === undefined;
  const line = box.querySelector(".suggest");
  line.hidden = true;
  if (!term) return;
  try {
    known ??= fetch(`${base}kata.json`).then((answer) => (answer.ok ? answer.json() : []));
    const words = await known;
    const rank = new Map(words.map((w, i) => [w, i]));
    const asked = tokens(term);
    const better = asked.map((w) => (rank.has(w) ? w : closest(w, words) ?? w));
    if (better.join(" ") === asked.join(" ") || box.hidden) return;
    const q = better.join(" ");
    const link = el("a", { href: `${location.pathname}?q=${encodeURIComponent(q)}` }, q);
    const [before, after] = line.dataset.text.split("{q}");
    line.replaceChildren(before, link, after);
    line.hidden = false;
  } catch {
    known = null; // the list did not load: the floors below still help
  }
}

function closest(word, words) {
  const most = word.length > 5 ? 2 : 1;
  let best = null;
  let bestDistance = most + 1;
  for (const candidate of words) {
    if (Math.abs(candidate.length - word.length) > most) continue;
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d]; // the list is most common first
  }
  return best;
}

// Edits from a to b: letters changed, added, dropped, or two neighbours swapped.
function distance(a, b) {
  const rows = [...Array(a.length + 1)].map((_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
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
