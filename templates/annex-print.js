/* Printing the page as the PDF prints the annex. The browser repeats the header rows on every
   page, but not the label of a merged hierarchy cell cut by a page break. Before printing, this
   script lays the page out with the print styles, decides where each page starts (the rows that
   fill an A4 landscape page, as annex.css sets it), starts a page there, and prints again on it
   the labels whose cells continue, marked as in the PDF ("… (segue)", hidden from screen
   readers: the cell is still one). After printing the table is put back as it was. Without the
   script the page prints whole, without the repeated labels. */
/* global document, window */
(function () {
  "use strict";
  var table = document.getElementById("tabella");
  if (!table || !window.addEventListener) return;
  var continued = table.getAttribute("data-continued") || "";
  /* the printed page's text area (annex.css: @page A4 landscape, 1 cm margins), a little less for rounding */
  var MM = 96 / 25.4;
  var PAGE_HEIGHT = 190 * MM * 0.97;
  var PAGE_WIDTH = 277 * MM;
  var undo = [];

  var each = function (list, fn) {
    Array.prototype.forEach.call(list, fn);
  };

  /* the styles as printed: the print rules on, the screen-only rules off, the page's width */
  function printStyles(on) {
    each(document.styleSheets, function (sheet) {
      each(sheet.cssRules, function (rule) {
        if (!rule.media) return;
        if (on) {
          rule.originalMedia = rule.media.mediaText;
          if (/^print$/.test(rule.originalMedia)) rule.media.mediaText = "all";
          else if (/^screen\b/.test(rule.originalMedia)) rule.media.mediaText = "not all";
        } else if (rule.originalMedia !== undefined) {
          rule.media.mediaText = rule.originalMedia;
          delete rule.originalMedia;
        }
      });
    });
    document.body.style.width = on ? PAGE_WIDTH + "px" : "";
    if (!on && document.body.getAttribute("style") === "") document.body.removeAttribute("style");
  }

  function visibleRows() {
    var rows = [];
    each(table.tBodies, function (tbody) {
      if (tbody.hidden) return;
      each(tbody.rows, function (tr) {
        if (!tr.hidden) rows.push(tr);
      });
    });
    return rows;
  }

  function height(tr) {
    return tr.getBoundingClientRect().height;
  }

  /* before the first cell of `tr` that is not a hierarchy cell of an outer level */
  function place(cell, tr, level) {
    for (var c = tr.firstElementChild; c; c = c.nextElementSibling) {
      var l = c.getAttribute("data-level");
      if (l === null || Number(l) > level) return tr.insertBefore(cell, c);
    }
    return tr.appendChild(cell);
  }

  /* starts a page with `tr`: every hierarchy cell that covers it from a row above is cut there,
     and its label printed again, marked, in a cell covering the rest of its rows */
  function startPage(tr, rows) {
    var at = rows.indexOf(tr);
    var classes = tr.getAttribute("class");
    tr.classList.add("page-start");
    undo.push(function () {
      if (classes === null) tr.removeAttribute("class");
      else tr.setAttribute("class", classes);
    });
    for (var j = at - 1; j >= 0; j--) {
      if (rows[j].parentNode !== tr.parentNode) break;
      each(rows[j].querySelectorAll("[data-level]"), function (cell) {
        var span = cell.rowSpan;
        if (j + span <= at) return;
        var written = cell.getAttribute("rowspan");
        cell.rowSpan = at - j;
        var copy = cell.cloneNode(true);
        copy.removeAttribute("id");
        copy.setAttribute("aria-hidden", "true");
        copy.classList.add("continued");
        copy.rowSpan = span - (at - j);
        var label = copy.querySelector(".label") || copy;
        /* a label already printed again on an earlier page is marked already */
        if (!cell.classList.contains("continued") && label.textContent !== "" && continued !== "") label.appendChild(document.createTextNode(" " + continued));
        place(copy, tr, Number(cell.getAttribute("data-level")));
        undo.push(function () {
          copy.parentNode.removeChild(copy);
          if (written === null) cell.removeAttribute("rowspan");
          else cell.setAttribute("rowspan", written);
        });
      });
    }
  }

  function paginate() {
    var rows = visibleRows();
    if (rows.length === 0) return;
    var head = table.tHead ? table.tHead.getBoundingClientRect().height : 0;
    var used = rows[0].getBoundingClientRect().top - document.documentElement.getBoundingClientRect().top;
    var first = true;
    rows.forEach(function (tr) {
      var h = height(tr);
      if (!first && used + h > PAGE_HEIGHT) {
        startPage(tr, rows);
        h = height(tr); /* the labels printed again may make it taller */
        used = head;
      }
      used += h;
      first = false;
    });
  }

  function restore() {
    while (undo.length > 0) undo.pop()();
  }

  window.addEventListener("beforeprint", function () {
    restore();
    printStyles(true);
    try {
      paginate();
    } finally {
      printStyles(false);
    }
  });
  window.addEventListener("afterprint", restore);
})();
