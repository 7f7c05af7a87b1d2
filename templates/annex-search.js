/* Search by code, words or office: a progressive enhancement inlined in the page. Without it
   the page shows the whole table. A row matches when every word asked for is a whole word of it
   ("porti" finds "Porti", not "rapporti"; accents and case do not matter) or a code in it ("A1.3"
   finds the codes that start with it). Rows that do not match are hidden; the merged hierarchy
   cells (data-level) move to the first row still shown and span only the rows still shown, so the
   table stays well formed for the eye and for screen readers. The script also tells the styles
   how tall the header rows are, so that the hierarchy labels stay in view just under them. */
/* global document, window, setTimeout, clearTimeout */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var table = document.getElementById("tabella");
  if (!form || !table || !"".normalize) return;
  var input = form.querySelector("input");
  var status = document.getElementById("cerca-esito");
  var toArray = function (list) {
    return Array.prototype.slice.call(list);
  };
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  };
  /* the words of a folded text, and its codes with every code they start with (a1.3.2.1: a1, a1.3, a1.3.2) */
  var wordsOf = function (text) {
    var words = new Set();
    text.split(/[^\p{L}\p{N}.]+/u).forEach(function (token) {
      var word = token.replace(/^\.+|\.+$/g, "");
      if (word === "") return;
      words.add(word);
      var parts = word.split(".");
      for (var i = 1; i < parts.length; i++) words.add(parts.slice(0, i).join("."));
      parts.forEach(function (part) {
        if (part !== "") words.add(part);
      });
    });
    return words;
  };

  var bodies = toArray(table.tBodies);
  var rows = [];
  var spans = [];
  bodies.forEach(function (tbody) {
    var own = toArray(tbody.rows);
    own.forEach(function (tr, i) {
      rows.push(tr);
      toArray(tr.querySelectorAll("[data-level]")).forEach(function (cell) {
        spans.push({ cell: cell, rows: own.slice(i, i + cell.rowSpan), level: Number(cell.getAttribute("data-level")), rowspan: cell.getAttribute("rowspan") });
      });
    });
  });
  /* every piece of text apart: cells, lines and the pieces joined by <wbr> are not one word */
  var textOf = function (element) {
    var parts = [];
    var walker = document.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.data);
    return parts.join(" ");
  };
  var texts = new Map();
  rows.forEach(function (tr) {
    texts.set(tr, textOf(tr));
  });
  spans.forEach(function (span) {
    span.rows.forEach(function (tr) {
      texts.set(tr, texts.get(tr) + " " + textOf(span.cell));
    });
  });
  texts.forEach(function (text, tr) {
    texts.set(tr, wordsOf(fold(text)));
  });

  function place(cell, tr, level) {
    var before = null;
    for (var c = tr.firstElementChild; c; c = c.nextElementSibling) {
      var l = c.getAttribute("data-level");
      if (c !== cell && (l === null || Number(l) > level)) {
        before = c;
        break;
      }
    }
    if (cell.parentNode !== tr || cell.nextElementSibling !== before) tr.insertBefore(cell, before);
  }

  function apply() {
    var asked = fold(input.value).trim().split(/[^\p{L}\p{N}.]+/u).map(function (w) {
      return w.replace(/^\.+|\.+$/g, "");
    }).filter(Boolean);
    var shown = 0;
    rows.forEach(function (tr) {
      var have = texts.get(tr);
      var match = asked.every(function (w) {
        return have.has(w);
      });
      tr.hidden = !match;
      if (match) shown++;
    });
    spans.forEach(function (span) {
      var visible = span.rows.filter(function (tr) {
        return !tr.hidden;
      });
      if (visible.length === span.rows.length) {
        // every row shown again: the cell exactly as it was written
        if (span.rowspan === null) span.cell.removeAttribute("rowspan");
        else span.cell.setAttribute("rowspan", span.rowspan);
      } else {
        span.cell.rowSpan = Math.max(visible.length, 1);
      }
      place(span.cell, visible[0] || span.rows[0], span.level);
    });
    bodies.forEach(function (tbody) {
      tbody.hidden = !toArray(tbody.rows).some(function (tr) {
        return !tr.hidden;
      });
    });
    if (asked.length === 0) status.textContent = "";
    else if (shown === 0) status.textContent = form.getAttribute("data-none");
    else status.textContent = form.getAttribute(shown === 1 ? "data-result-one" : "data-result").replace("{count}", String(shown));
    headHeight();
  }

  /* the height of the header rows, under which the hierarchy labels stay in view */
  var head = table.tHead;
  function headHeight() {
    if (head) document.documentElement.style.setProperty("--head-height", head.offsetHeight + "px");
  }
  headHeight();
  window.addEventListener("resize", headHeight);

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    setTimeout(apply, 0);
  });
  form.hidden = false;
})();
