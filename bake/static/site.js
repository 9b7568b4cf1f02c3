"use strict";
// Draws every chart on the page with Vega (window.vega, /assets/vega.js) over its bake-time SVG.
// The specs are Vega already (compiled from the app's Vega-Lite at bake time). The SVG stays if
// anything fails, so a chart is never lost; no inline script or injected style, so a strict CSP holds.
// The bundle (named by this script's data-bundle) is fetched and run at the reader's first
// interaction after the load event (below): the page, whole with its SVG pictures, never waits for
// 512 KB of script to be compiled (bench/bake_bench.py); with JavaScript off it is never fetched.
(function () {
  var bundle = (document.currentScript && document.currentScript.getAttribute("data-bundle")) || "/assets/vega.js";
  function draw(holder) {
    var picture = holder.querySelector("img");
    // The picture's box, read before anything changes: the live chart is drawn into exactly this
    // box (Vega's "fit" counts the title, axes and legend in it) and then takes the picture's
    // place in one step, so nothing on the page moves (issue 26: CLS was 0.318 on these pages).
    var box = picture && picture.complete ? picture.getBoundingClientRect() : null;
    var slot = holder.parentNode.querySelector(".vega-bindings");
    var target = document.createElement("div");
    target.className = "vega-target pending";
    return fetch(holder.getAttribute("data-spec"))
      .then(function (response) {
        if (!response.ok) throw new Error("spec " + response.status);
        return response.json();
      })
      .then(function (spec) {
        if (holder.getAttribute("data-fit") === "step") {
          // A height of a step per bar (the ranking) cannot fit a container: give it the column's width.
          spec.width = Math.max(200, holder.clientWidth - 220);
        } else if (box && box.width > 0 && box.height > 0) {
          spec.autosize = { type: "fit", contains: "padding" };
          spec.height = Math.round(box.height);
          target.style.width = Math.round(box.width) + "px";
          target.style.height = Math.round(box.height) + "px";
        }
        holder.appendChild(target);
        // 大字号 / 高对比 (bake/static/a11y.js): the reader's modes laid over the chart's own config.
        if (window.cqDisplay) window.cqDisplay.restyle(spec);
        return later(window.vega.parse(spec));
      })
      .then(function (runtime) {
        // hover: the marks' hover states; a tooltip is the browser's own (the title attribute).
        // bind: the sliders go into the slot the bake reserved for them, row for row.
        var view = new window.vega.View(runtime, { renderer: "svg", container: target, bind: slot || undefined, hover: true });
        return view.runAsync();
      })
      .then(function (view) {
        // The keyboard readout (readout.js) follows a slider chart's live rows.
        holder.dispatchEvent(new CustomEvent("cq-vega", { bubbles: true, detail: view }));
        if (picture) picture.remove();
        target.classList.remove("pending");
        holder.classList.add("drawn");
      })
      .catch(function (error) {
        target.remove();
        holder.classList.add("static");
        console.info("图表以静态图显示：", error && error.message);
      });
  }
  // The next step in a task of its own, so a tap is never kept waiting behind a whole chart
  // (parse, then draw, then the next chart): Lighthouse counted 510 ms of blocking on these pages.
  function later(value) {
    return new Promise(function (resolve) { setTimeout(function () { resolve(value); }, 0); });
  }
  function charts() {
    return document.querySelectorAll(".vega[data-spec]");
  }
  function nearest() {
    // The charts nearest the reader first: a chart out of view waits for the ones in view.
    var middle = window.innerHeight / 2;
    return Array.prototype.slice.call(charts()).sort(function (a, b) {
      return Math.abs(a.getBoundingClientRect().top - middle) - Math.abs(b.getBoundingClientRect().top - middle);
    });
  }
  function load() {
    var script = document.createElement("script");
    script.src = bundle;
    script.onload = function () {
      if (!(window.vega && typeof window.vega.View === "function")) return;
      var queue = nearest();
      (function next() {
        var holder = queue.shift();
        if (holder) later(holder).then(draw).then(next);
      })();
    };
    script.onerror = function () {
      charts().forEach(function (holder) { holder.classList.add("static"); });
    };
    document.head.appendChild(script);
  }
  // The pictures are the whole page; Vega adds the sliders and hover. So the 512 KB bundle
  // (177 KB gzipped, cached a day) is fetched and run at the reader's first sign of life (a pointer,
  // a touch, a key, a scroll): a reader who only reads never pays for it, and nothing blocks the page
  // (issue 26: Lighthouse counted 350–510 ms of blocking on an indicator page when Vega ran at the
  // load event). Not prefetched: Lighthouse's simulated slow 4G then put the picture's paint
  // (its largest) at 2.2 s instead of 1.0 s, and a reader who never interacts would pay the bytes.
  var SIGNS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin"];
  function start() {
    if (!charts().length) return;
    var begun = false;
    function begin() {
      if (begun) return;
      begun = true;
      SIGNS.forEach(function (name) { window.removeEventListener(name, begin, true); });
      load();
    }
    SIGNS.forEach(function (name) { window.addEventListener(name, begin, { capture: true, passive: true }); });
  }
  // 大字号 / 高对比 switched (a11y.js): each chart drawn again with the new modes.
  document.addEventListener("cq-display", function () {
    if (!window.vega) return;
    charts().forEach(function (holder) {
      var drawn = holder.querySelector(".vega-target");
      if (drawn) {
        drawn.remove();
        draw(holder);
      }
    });
  });
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
