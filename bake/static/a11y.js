"use strict";
// 大字号 / 高对比 (lib/present/display.py): the reader's choice, kept in localStorage, set as a class
// on <html> by this script, which the head loads without defer so the page is never painted without it.
// The switch's buttons (hidden until this script shows them: without JavaScript there is no choice
// to keep) toggle a mode; charts are redrawn with the modes' config (data-chart-config, the same
// table the app lays over its Vega-Lite specs) by site.js through window.cqDisplay.restyle.
(function () {
  var KEY = "cq-display";
  var root = document.documentElement;
  var script = document.currentScript;
  var config = JSON.parse((script && script.getAttribute("data-chart-config")) || "{}");
  function saved() {
    try {
      return (window.localStorage.getItem(KEY) || "").split(",").filter(function (mode) { return mode in config; });
    } catch (error) {
      return []; // storage refused (a private window's policy): no choice kept, nothing breaks
    }
  }
  var modes = saved();
  function apply() {
    Object.keys(config).forEach(function (mode) { root.classList.toggle("display-" + mode, modes.indexOf(mode) >= 0); });
  }
  function merge(base, over) {
    var result = {};
    Object.keys(base).forEach(function (key) { result[key] = base[key]; });
    Object.keys(over).forEach(function (key) {
      var value = over[key];
      result[key] = value && typeof value === "object" && result[key] && typeof result[key] === "object" ? merge(result[key], value) : value;
    });
    return result;
  }
  apply();
  window.cqDisplay = {
    modes: function () { return modes.slice(); },
    // The chosen modes laid over the (Vega) spec's own config: a config handed to vega.parse would
    // lose to the spec's, which sets the same keys (axis label sizes, grid colour).
    restyle: function (spec) {
      modes.forEach(function (mode) { spec.config = merge(spec.config || {}, config[mode]); });
    }
  };
  function wire() {
    document.querySelectorAll("[data-display-mode]").forEach(function (button) {
      var mode = button.getAttribute("data-display-mode");
      button.setAttribute("aria-pressed", String(modes.indexOf(mode) >= 0));
      button.addEventListener("click", function () {
        modes = modes.indexOf(mode) >= 0 ? modes.filter(function (m) { return m !== mode; }) : modes.concat([mode]);
        try { window.localStorage.setItem(KEY, modes.join(",")); } catch (error) { /* kept for this page only */ }
        apply();
        document.querySelectorAll("[data-display-mode]").forEach(function (other) {
          other.setAttribute("aria-pressed", String(modes.indexOf(other.getAttribute("data-display-mode")) >= 0));
        });
        document.dispatchEvent(new CustomEvent("cq-display"));
      });
    });
    document.querySelectorAll(".display-switch").forEach(function (box) { box.hidden = false; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
