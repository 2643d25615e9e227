/* Galeri IKM, tema "mal": ordering on WhatsApp (product pages and /keranjang/).
   The product page's pickers rewrite the order button's wa.me message; the basket keeps
   products in this browser only (localStorage, key shared with site.js) and writes one
   message per seller. Nothing is sent anywhere; wa.me opens when the buyer presses a button.
   Messages use the page's UI strings, the same ones catalog/site/ordering.py fills. */
(function () {
  "use strict";
  var d = document;
  var KEY = "galeri-keranjang";
  var MAX = 9999;

  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  };
  /* As the theme's `rupiah` filter: a no-break space on the page, an ordinary one in messages. */
  var rupiah = function (n) { return "Rp\u00a0" + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); };
  var waLink = function (number, text) {
    return "https://wa.me/" + number + "?text=" + encodeURIComponent(text.replace(/\u00a0/g, " "));
  };
  var clamp = function (n, min) { n = parseInt(n, 10); return isNaN(n) || n < min ? min : Math.min(n, MAX); };

  /* Only well-formed items come back from storage: it belongs to the visitor, not to us. */
  var load = function () {
    var items;
    try { items = JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
    return (Array.isArray(items) ? items : []).filter(function (i) {
      return i && typeof i.name === "string" && /^\d{8,15}$/.test(i.wa) && /^\/(?!\/)/.test(i.path) &&
        typeof i.seller === "string" && (i.price === null || typeof i.price === "number");
    });
  };
  var save = function (items) {
    try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* private mode: nothing kept */ }
    Array.prototype.forEach.call(d.querySelectorAll("[data-basket-count]"), function (count) {
      count.textContent = items.length;
      count.hidden = !items.length;
    });
  };
  var el = function (tag, className, text) {
    var node = d.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /* -- product page ------------------------------------------------------------------- */
  var form = d.querySelector("[data-order]");
  if (form) {
    var o = JSON.parse(form.getAttribute("data-order"));
    var S = JSON.parse(form.getAttribute("data-strings"));
    var select = form.querySelector("select");
    var qty = form.querySelector("input[type=number]");
    var go = form.querySelector("[data-go]");
    var total = form.querySelector("[data-total]");
    var sub = form.querySelector("[data-sub]");
    var status = form.querySelector("[data-status]");
    var blank = [total.textContent, sub.textContent];
    var chosen = function () { /* [name, price], or null while a variant is still to be chosen */
      if (!select) return o.options[0];
      return select.value === "" ? null : o.options[+select.value];
    };
    var message = function (option, n) {
      var price = option ? option[1] : null;
      var lines = [fill(S.msg_greeting, { business: o.sellerName }), "", o.name];
      if (option && option[0]) lines.push(fill(S.msg_variant, { variant: option[0] }));
      if (price !== null) lines.push(fill(S.msg_unit_price, { price: rupiah(price), unit: o.unit }));
      else lines.push(o.priceText ? fill(S.msg_price, { price: o.priceText }) : S.msg_ask_price);
      lines.push(fill(S.msg_quantity, { n: n, unit: o.unit }));
      if (price !== null) lines.push(fill(S.msg_subtotal, { price: rupiah(price * n) }));
      lines.push("", o.url, "", price !== null ? S.msg_closing : S.msg_closing_ask);
      return lines.join("\n");
    };
    var update = function () {
      var option = chosen();
      var n = clamp(qty.value, o.min);
      go.href = waLink(o.wa, message(option, n));
      if (option && option[1] !== null) {
        total.textContent = rupiah(option[1] * n);
        sub.textContent = fill(S.order_sub, { n: n, unit: o.unit, price: rupiah(option[1]) });
      } else {
        total.textContent = blank[0];
        sub.textContent = blank[1];
      }
    };
    Array.prototype.forEach.call(form.querySelectorAll("[data-step]"), function (button) {
      button.addEventListener("click", function () {
        qty.value = clamp(clamp(qty.value, o.min) + +button.getAttribute("data-step"), o.min);
        update();
      });
    });
    qty.addEventListener("input", update);
    qty.addEventListener("change", function () { qty.value = clamp(qty.value, o.min); update(); });
    if (select) select.addEventListener("change", update);
    form.querySelector("[data-add]").addEventListener("click", function () {
      var option = chosen();
      if (!option) {
        status.textContent = S.order_choose_first;
        select.focus();
        return;
      }
      var n = clamp(qty.value, o.min);
      var variant = option[0] || "";
      var items = load();
      var same = items.filter(function (i) { return i.path === o.path && i.variant === variant; })[0];
      if (same) same.qty = clamp(same.qty + n, o.min);
      else items.push({ seller: o.seller, sellerName: o.sellerName, wa: o.wa, name: o.name, path: o.path,
        url: o.url, variant: variant, price: option[1], unit: o.unit, min: o.min, qty: n });
      save(items);
      status.textContent = fill(S.order_added, { product: o.name + (variant ? " (" + variant + ")" : "") }) + " ";
      var header = d.querySelector(".basket-link");
      if (header) {
        var view = el("a", "", S.basket + " (" + items.length + ")");
        view.href = header.getAttribute("href");
        status.appendChild(view);
      }
    });
    update();
  }

  /* -- basket page: one group, one message and one button per seller ------------------ */
  var basket = d.querySelector("[data-basket]");
  if (!basket) return;
  var B = JSON.parse(basket.getAttribute("data-strings"));
  var icon = d.querySelector("template[data-wa-icon]");
  var sellerMessage = function (group) {
    var lines = [fill(B.msg_greeting, { business: group.name }), ""];
    var sum = 0;
    var unknown = false;
    group.items.forEach(function (item, index) {
      lines.push(index + 1 + ". " + item.name + (item.variant ? " — " + item.variant : ""));
      if (item.price === null) {
        unknown = true;
        lines.push("   " + fill(B.msg_line_ask, { n: item.qty, unit: item.unit }));
      } else {
        sum += item.price * item.qty;
        lines.push("   " + fill(B.msg_line, { n: item.qty, unit: item.unit, price: rupiah(item.price),
          total: rupiah(item.price * item.qty) }));
      }
      lines.push("   " + item.url);
    });
    if (sum) lines.push("", fill(unknown ? B.msg_total_partial : B.msg_total, { price: rupiah(sum) }));
    lines.push("", unknown ? B.msg_closing_ask : B.msg_closing);
    return { text: lines.join("\n"), sum: sum };
  };
  var change = function (mutate) {
    var items = load();
    mutate(items);
    save(items.filter(function (i) { return i.qty > 0; }));
    render();
  };
  var stepper = function (item) {
    var box = el("div", "stepper");
    [["-1", "−", B.order_less], ["1", "+", B.order_more]].forEach(function (step, index) {
      var button = el("button", "", step[1]);
      button.type = "button";
      button.setAttribute("aria-label", step[2] + ": " + item.name);
      button.addEventListener("click", function () {
        change(function (items) {
          items.forEach(function (i) {
            if (i.path === item.path && i.variant === item.variant) i.qty = clamp(i.qty + +step[0], i.min || 1);
          });
        });
      });
      if (index === 1) box.appendChild(el("output", "", item.qty));
      box.appendChild(button);
    });
    return box;
  };
  var render = function () {
    var items = load();
    var groups = [];
    var bySeller = {};
    items.forEach(function (item) {
      if (!bySeller[item.seller]) groups.push(bySeller[item.seller] = { slug: item.seller, name: item.sellerName, wa: item.wa, items: [] });
      bySeller[item.seller].items.push(item);
    });
    basket.textContent = "";
    d.querySelector("[data-basket-empty]").hidden = items.length > 0;
    groups.forEach(function (group, index) {
      var section = el("section", "panel basket-seller");
      var title = el("h2", "panel-title", fill(B.basket_seller, { business: group.name }));
      title.id = "penjual-" + index;
      section.setAttribute("aria-labelledby", title.id);
      section.appendChild(title);
      var list = el("ul", "basket-items");
      list.setAttribute("role", "list");
      group.items.forEach(function (item) {
        var row = el("li", "basket-item");
        var name = el("a", "basket-name", item.name);
        name.href = item.path;
        var info = el("div", "basket-info");
        info.appendChild(name);
        if (item.variant) info.appendChild(el("span", "basket-variant", item.variant));
        info.appendChild(el("span", "basket-price", item.price === null ?
          fill(B.msg_line_ask, { n: item.qty, unit: item.unit }) :
          fill(B.msg_line, { n: item.qty, unit: item.unit, price: rupiah(item.price), total: rupiah(item.price * item.qty) })));
        row.appendChild(info);
        var tools = el("div", "basket-tools");
        tools.appendChild(stepper(item));
        var remove = el("button", "btn btn-ghost btn-small", B.basket_remove);
        remove.type = "button";
        remove.setAttribute("aria-label", fill(B.basket_remove_item, { product: item.name }));
        remove.addEventListener("click", function () {
          change(function (all) {
            all.forEach(function (i) { if (i.path === item.path && i.variant === item.variant) i.qty = 0; });
          });
        });
        tools.appendChild(remove);
        row.appendChild(tools);
        list.appendChild(row);
      });
      section.appendChild(list);
      var message = sellerMessage(group);
      if (message.sum) section.appendChild(el("p", "basket-sum price", fill(B.msg_subtotal, { price: rupiah(message.sum) })));
      var send = el("a", "btn btn-wa btn-xl basket-send");
      send.href = waLink(group.wa, message.text);
      send.target = "_blank";
      send.rel = "noopener";
      if (icon) send.appendChild(icon.content.cloneNode(true));
      send.appendChild(d.createTextNode(B.order_whatsapp));
      send.appendChild(el("span", "sr-only", " " + fill(B.basket_to, { business: group.name })));
      section.appendChild(send);
      var details = el("details", "basket-message");
      details.appendChild(el("summary", "", B.basket_message));
      details.appendChild(el("pre", "", message.text));
      section.appendChild(details);
      var clear = el("button", "btn btn-ghost btn-small basket-clear", B.basket_clear_seller);
      clear.type = "button";
      clear.addEventListener("click", function () {
        change(function (all) { all.forEach(function (i) { if (i.seller === group.slug) i.qty = 0; }); });
      });
      section.appendChild(clear);
      basket.appendChild(section);
    });
  };
  render();
})();
