/* Search by code, words or office: a progressive enhancement inlined in the page. Without it
   the page shows the whole table. Rows that do not match are hidden; the merged hierarchy cells
   (data-level) move to the first row still shown and span only the rows still shown, so the
   table stays well formed for the eye and for screen readers. */
/* global document, setTimeout, clearTimeout */
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
  var texts = new Map();
  rows.forEach(function (tr) {
    texts.set(tr, tr.textContent);
  });
  spans.forEach(function (span) {
    span.rows.forEach(function (tr) {
      texts.set(tr, texts.get(tr) + " " + span.cell.textContent);
    });
  });
  texts.forEach(function (text, tr) {
    texts.set(tr, fold(text));
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
    var words = fold(input.value).trim().split(" ").filter(Boolean);
    var shown = 0;
    rows.forEach(function (tr) {
      var text = texts.get(tr);
      var match = words.every(function (w) {
        return text.indexOf(w) >= 0;
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
    if (words.length === 0) status.textContent = "";
    else if (shown === 0) status.textContent = form.getAttribute("data-none");
    else status.textContent = form.getAttribute("data-result").replace("{count}", String(shown));
  }

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
