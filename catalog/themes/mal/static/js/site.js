/* Galeri IKM, tema "mal": small progressive enhancements. Everything works without it. */
(function () {
  "use strict";
  var d = document;

  /* Netlify Identity's emails (an invitation, a password reset) link to the home page with
     a token: the CMS's sign-in at /admin/ (with the Identity widget) takes it from there. */
  if (/^#(invite|recovery|confirmation|email_change)_token=/.test(location.hash)) {
    var home = d.querySelector("a.brand");
    if (home) location.replace(home.getAttribute("href").replace(/\/?$/, "/") + "admin/" + location.hash);
  }

  /* Mobile menu: the link targets #menu (CSS :target) without JS; here it toggles. */
  var toggle = d.querySelector(".menu-toggle");
  var nav = d.getElementById("menu");
  if (toggle && nav) {
    var close = nav.querySelector(".menu-close");
    var setOpen = function (open) {
      nav.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-controls", "menu");
    toggle.setAttribute("aria-expanded", "false");
    var flip = function (e) {
      e.preventDefault();
      setOpen(!nav.classList.contains("is-open"));
    };
    if (window.location.hash === "#menu") setOpen(true);
    toggle.addEventListener("click", flip);
    toggle.addEventListener("keydown", function (e) {
      if (e.key === " ") flip(e);
    });
    if (close) {
      close.addEventListener("click", function (e) {
        e.preventDefault();
        setOpen(false);
        toggle.focus();
      });
    }
    d.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && nav.classList.contains("is-open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  /* Product gallery: thumbnails scroll the photo strip instead of jumping the page. */
  var gallery = d.querySelector("[data-gallery]");
  if (gallery) {
    var strip = gallery.querySelector(".gallery-main");
    var thumbs = gallery.querySelectorAll(".thumbs a");
    var mark = function (index) {
      for (var i = 0; i < thumbs.length; i++) {
        if (i === index) thumbs[i].setAttribute("aria-current", "true");
        else thumbs[i].removeAttribute("aria-current");
      }
    };
    Array.prototype.forEach.call(thumbs, function (a, i) {
      a.addEventListener("click", function (e) {
        var slide = strip.children[i];
        if (!slide) return;
        e.preventDefault();
        var img = slide.querySelector("img");
        if (img) img.loading = "eager";
        var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        strip.scrollTo({ left: i * strip.clientWidth, behavior: reduce ? "auto" : "smooth" });
        mark(i);
      });
    });
    if (thumbs.length && "IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) mark(Array.prototype.indexOf.call(strip.children, entry.target));
        });
      }, { root: strip, threshold: 0.6 });
      Array.prototype.forEach.call(strip.children, function (li) { io.observe(li); });
    }
  }

  /* The header's basket link shows how many products the basket holds (js/order.js keeps it). */
  var count = d.querySelector("[data-basket-count]");
  if (count) {
    try {
      var kept = JSON.parse(localStorage.getItem("galeri-keranjang") || "[]");
      if (Array.isArray(kept) && kept.length) {
        count.textContent = kept.length;
        count.hidden = false;
      }
    } catch (e) { /* storage off or damaged: no count */ }
  }

  /* Search page: keep the query of ?q= in the form fields. */
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) {
    Array.prototype.forEach.call(d.querySelectorAll('input[name="q"]'), function (input) {
      if (!input.value) input.value = q;
    });
  }
})();
