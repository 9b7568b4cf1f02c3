"use strict";
// 专栏1 and 专栏2 on /indicators/: a filter over each table, and its headers sortable by keyboard.
// Sorting itself is sortable-tablesort's (/assets/sortable.min.js), by each cell's data-sort that
// the bake filled from the 指标总览 View (lib/views/indicators/sorting.py). The filter keeps a row by lib.engine.tables.filter_table's rule:
// the words in the name or the id (either case), and the 五大发展 group and 属性 picked. Rows are
// hidden (the hidden attribute), never rewritten, so the printed text stays as printed; without
// JavaScript the form stays hidden and the table whole. No inline style: a CSP of 'self' holds.
(function () {
  function filter(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    var count = document.getElementById(form.getAttribute("data-count"));
    var empty = form.nextElementSibling;
    var format = count.getAttribute("data-format");
    function value(name) {
      var field = form.elements.namedItem(name);
      return field ? field.value : "";
    }
    function apply() {
      var words = value("q").trim().toLowerCase();
      var pillar = value("pillar");
      var attribute = value("attribute");
      // The sorter swaps in a new tbody on every sort: read the rows each time.
      var rows = table.tBodies[0].rows;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var keep =
          (!pillar || row.getAttribute("data-pillar") === pillar) &&
          (!attribute || row.getAttribute("data-attribute") === attribute) &&
          (!words ||
            row.getAttribute("data-name").toLowerCase().indexOf(words) !== -1 ||
            row.getAttribute("data-id").toLowerCase().indexOf(words) !== -1);
        row.hidden = !keep;
        if (keep) shown += 1;
      }
      count.textContent = format.replace("{shown}", shown).replace("{total}", rows.length);
      empty.hidden = shown > 0;
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    // A reset event comes before the fields are cleared.
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.hidden = false;
  }

  function keyboard(header) {
    header.tabIndex = 0;
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        header.click();
      }
    });
  }

  document.querySelectorAll("form.table-tools[data-table]").forEach(filter);
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.classList.add("ready"); // the sort marks show only where a click sorts
    table.querySelectorAll("thead th").forEach(keyboard);
  });
})();
