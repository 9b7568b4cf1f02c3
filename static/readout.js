"use strict";
// Each chart's keyboard readout: chart2music (window.c2mChart, static/vendor/chart2music-1.20.0/)
// on the element [data-readout] holds, fed from the chart's own rows (lib/present/readout.py).
// ← → step through a series, ↑ ↓ (PageUp/PageDown) change series, H lists the keys; the live
// region below says the point's period and value in the words the chart shows.
// chart2music speaks English only: every message it would say is answered here in Chinese, and a
// message this table lacks is answered with nothing rather than in English.
// Used by both editions (bake copies it to /assets/readout.js; the app loads it from /app/static/).
(function () {
  var ZH = {
    description: "{title}，可用键盘逐点读数的图表",
    "description-untitled": "可用键盘逐点读数的图表",
    updated: "{title}已更新",
    "updated-untitled": "图表已更新",
    missing: "无数据",
    close: "关闭",
    save: "保存",
    tooLow: "过低",
    tooHigh: "过高",
    nodeHasChildren: "有下一层",
    instructionArrows: "用方向键逐点读数。",
    instructionHierarchy: "按 Alt 加上下方向键切换层级。",
    instructionLive: "按 M 开关实时监听。",
    instructionHotkeys: "按 H 查看全部按键。",
    "axis-desc": "{letter}轴：{label}。",
    "axis-desc-log": "{letter}轴：{label}（对数）。",
    "axis-desc-con": "{letter}轴：{label}。",
    "axis-desc-log-con": "{letter}轴：{label}（对数）。",
    "kbr-speed": "播放速度 {rate_in_ms} 毫秒",
    "kbr-not-live": "不是实时图表",
    "chart-line": "折线图。",
    "chart-bar": "条形图。",
    "chart-line-labeled": "折线图：{label}。",
    "chart-bar-labeled": "条形图：{label}。",
    "point-xy": "{x}，{y}",
    "info-open": "打开说明",
    "info-title": "说明",
    "info-notes": "注释",
    "kbmg-title": "键盘操作",
    "key-point-next": "下一个点",
    "key-point-prev": "上一个点",
    "key-play-fwd": "向右连续播放到最后",
    "key-play-back": "向左连续播放到最前",
    "key-play-cancel": "停止播放",
    "key-group-prev": "上一个系列",
    "key-group-next": "下一个系列",
    "key-group-first": "第一个系列",
    "key-group-last": "最后一个系列",
    "key-stat-prev": "上一个统计量",
    "key-stat-next": "下一个统计量",
    "key-point-first": "最左边的点",
    "key-point-last": "最右边的点",
    "key-replay": "重读当前点",
    "key-select": "选中当前点",
    "key-tenth-prev": "向左移动十分之一",
    "key-tenth-next": "向右移动十分之一",
    "key-group-min": "本系列最小值",
    "key-group-max": "本系列最大值",
    "key-chart-min": "全图最小值",
    "key-chart-max": "全图最大值",
    "key-speed-incr": "加快播放",
    "key-speed-decr": "放慢播放",
    "key-monitor-toggle": "开关实时监听",
    "key-dialog-help": "打开按键说明",
    "key-dialog-options": "打开声音设置",
    "help-dialog-front-matter": "可用下列按键浏览这张图表。有些键盘上的按键名称不同，或需组合键代替（例如没有 Home 键的苹果键盘可按 Fn 加左方向键）。",
    "help-dialog-footer": "图表读数由开源库 chart2music 提供：",
    "options-title": "声音设置",
    "options-frontmatter": "若某些音调太低或太高听不清，可用下面的滑块调整音调范围：",
    "options-hertz-lower": "最低音调（赫兹）",
    "options-hertz-upper": "最高音调（赫兹）",
    "options-speed-label": "播放速度（按 Q、E 调整）",
    "options-set-global": "本页其他图表也用这些设置",
    "options-use-continuous": "连续播放模式",
    "options-continuous-descr": "连续模式改变按 Shift+Home、Shift+End 时的播放方式",
    "options-point-labels": "读出数据点标签",
    "options-point-labels-before": "在数值之前",
    "options-point-labels-after": "在数值之后",
    "listing-action": "操作",
    "listing-key": "按键",
    "listing-alternate": "其他按法",
    "stat-all": "全部"
  };
  // 繁體: the table above converted by lib.present.i18n.hant (tests/test_readout_messages.py holds them equal).
  var HANT = {
    description: "{title}，可用鍵盤逐點讀數的圖表",
    "description-untitled": "可用鍵盤逐點讀數的圖表",
    updated: "{title}已更新",
    "updated-untitled": "圖表已更新",
    missing: "無資料",
    close: "關閉",
    save: "儲存",
    tooLow: "過低",
    tooHigh: "過高",
    nodeHasChildren: "有下一層",
    instructionArrows: "用方向鍵逐點讀數。",
    instructionHierarchy: "按 Alt 加上下方向鍵切換層級。",
    instructionLive: "按 M 開關即時監聽。",
    instructionHotkeys: "按 H 檢視全部按鍵。",
    "axis-desc": "{letter}軸：{label}。",
    "axis-desc-log": "{letter}軸：{label}（對數）。",
    "axis-desc-con": "{letter}軸：{label}。",
    "axis-desc-log-con": "{letter}軸：{label}（對數）。",
    "kbr-speed": "播放速度 {rate_in_ms} 毫秒",
    "kbr-not-live": "不是即時圖表",
    "chart-line": "折線圖。",
    "chart-bar": "條形圖。",
    "chart-line-labeled": "折線圖：{label}。",
    "chart-bar-labeled": "條形圖：{label}。",
    "point-xy": "{x}，{y}",
    "info-open": "開啟說明",
    "info-title": "說明",
    "info-notes": "註釋",
    "kbmg-title": "鍵盤操作",
    "key-point-next": "下一個點",
    "key-point-prev": "上一個點",
    "key-play-fwd": "向右連續播放到最後",
    "key-play-back": "向左連續播放到最前",
    "key-play-cancel": "停止播放",
    "key-group-prev": "上一個系列",
    "key-group-next": "下一個系列",
    "key-group-first": "第一個系列",
    "key-group-last": "最後一個系列",
    "key-stat-prev": "上一個統計量",
    "key-stat-next": "下一個統計量",
    "key-point-first": "最左邊的點",
    "key-point-last": "最右邊的點",
    "key-replay": "重讀當前點",
    "key-select": "選中當前點",
    "key-tenth-prev": "向左移動十分之一",
    "key-tenth-next": "向右移動十分之一",
    "key-group-min": "本系列最小值",
    "key-group-max": "本系列最大值",
    "key-chart-min": "全圖最小值",
    "key-chart-max": "全圖最大值",
    "key-speed-incr": "加快播放",
    "key-speed-decr": "放慢播放",
    "key-monitor-toggle": "開關即時監聽",
    "key-dialog-help": "開啟按鍵說明",
    "key-dialog-options": "開啟聲音設定",
    "help-dialog-front-matter": "可用下列按鍵瀏覽這張圖表。有些鍵盤上的按鍵名稱不同，或需組合鍵代替（例如沒有 Home 鍵的蘋果鍵盤可按 Fn 加左方向鍵）。",
    "help-dialog-footer": "圖表讀數由開源庫 chart2music 提供：",
    "options-title": "聲音設定",
    "options-frontmatter": "若某些音調太低或太高聽不清，可用下面的滑塊調整音調範圍：",
    "options-hertz-lower": "最低音調（赫茲）",
    "options-hertz-upper": "最高音調（赫茲）",
    "options-speed-label": "播放速度（按 Q、E 調整）",
    "options-set-global": "本頁其他圖表也用這些設定",
    "options-use-continuous": "連續播放模式",
    "options-continuous-descr": "連續模式改變按 Shift+Home、Shift+End 時的播放方式",
    "options-point-labels": "讀出資料點標籤",
    "options-point-labels-before": "在數值之前",
    "options-point-labels-after": "在數值之後",
    "listing-action": "操作",
    "listing-key": "按鍵",
    "listing-alternate": "其他按法",
    "stat-all": "全部"
  };

  var KEYS = { ArrowRight: "右方向键", ArrowLeft: "左方向键", ArrowUp: "上方向键", ArrowDown: "下方向键", PageUp: "PageUp", PageDown: "PageDown", ctrl: "Ctrl", spacebar: "空格键" };
  var KEYS_HANT = {ArrowRight: "右方向鍵", ArrowLeft: "左方向鍵", ArrowUp: "上方向鍵", ArrowDown: "下方向鍵", PageUp: "PageUp", PageDown: "PageDown", ctrl: "Ctrl", spacebar: "空格鍵"};

  // The summary's own words, in each Chinese (繁體 as lib.present.i18n.hant converts them).
  var SUMMARY = { "zh-CN": ["图表", " 个系列"], "zh-Hant": ["圖表", " 個系列"] };

  // chart2music's messages answered in ``lang`` (zh-CN, or zh-Hant: the 繁體 page's readout spoke 简体).
  function translator(lang) {
    var hant = lang === "zh-Hant";
    var messages = hant ? HANT : ZH;
    var keys = hant ? KEYS_HANT : KEYS;
    var words = SUMMARY[hant ? "zh-Hant" : "zh-CN"];
    return function (options) {
      var id = options.id;
      var values = options.evaluators || {};
      if (id.indexOf("summ-chart") === 0) {
        // the chart's one-line summary when it is focused; its title is the indicator and unit
        var title = values.title ? "“" + values.title + "”" : "";
        var groups = values.groupCount ? "，共 " + values.groupCount + words[1] : "";
        return words[0] + title + groups + "。";
      }
      if (id.indexOf("key-descr-") === 0) {
        // a key's name: “Shift + End” stays as printed on the keyboard; arrows and words in Chinese
        var name = id.replace("key-descr-", "").replace("alt-", "");
        return keys[name] || name.replace(/Arrow(Right|Left|Up|Down)/g, function (_m, d) { return keys["Arrow" + d]; }).replace(/\+/g, " + ");
      }
      var text = messages[id];
      if (text === undefined) return "";
      return text.replace(/\{(\w+)\}/g, function (_m, key) { return values[key] === undefined ? "" : String(values[key]); });
    };
  }

  // A readout's points as chart2music takes them, and each point's words by series, position and value.
  function points(series) {
    var data = {};
    var words = {};
    series.forEach(function (one) {
      data[one.name] = one.points.map(function (point) {
        words[one.name + "|" + point[0] + "|" + point[1]] = point[2];
        return { x: point[0], y: point[1] };
      });
    });
    return { data: data, words: words };
  }

  function start(holder) {
    if (holder.getAttribute("data-readout-ready")) return;
    var readout = JSON.parse(holder.getAttribute("data-readout"));
    var control = holder.querySelector(".readout-control");
    var caption = holder.querySelector(".readout-cc");
    var current = points(readout.series);
    var made = null;
    // chart2music writes a point as x's words then y's (generatePointDescription): y's words are
    // looked up with the x just written and the series in focus, so two series (or a path and the
    // target) with one value each read their own text.
    var lastX = null;
    var xWords = function (x) {
      lastX = x;
      var text = readout.x_texts[x];
      return text === undefined ? "" : text;
    };
    var yWords = function (y) {
      var group = made && made.data ? made.data.getCurrent().group : "";
      var text = current.words[group + "|" + lastX + "|" + y];
      return text === undefined ? "" : text;
    };
    made = window.c2mChart({
      type: readout.kind,
      element: control,
      cc: caption,
      title: readout.label,
      lang: "en",
      data: current.data,
      axes: { x: { label: readout.x_label, format: xWords }, y: { label: readout.y_label, format: yWords } },
      // An English chart speaks chart2music's own English messages; the others are answered in Chinese.
      options: readout.lang === "en" ? {} : {
        translationCallback: translator(readout.lang),
        // The key list's headings are chart2music's English (and name its columns in another order
        // than it fills them: what a key does, the key, another key for it).
        modifyHelpDialogKeyboardListing: function (_lang, _headings, shortcuts) {
          var messages = readout.lang === "zh-Hant" ? HANT : ZH;
          return [[messages["listing-action"], messages["listing-key"], messages["listing-alternate"]]].concat(shortcuts);
        }
      }
    });
    if (made.err) {
      holder.hidden = true;
      console.info("键盘读图不可用：", made.err);
      return;
    }
    // chart2music marks its live region lang="en"; the words in it are the chart's, in its language.
    caption.setAttribute("lang", readout.lang || "zh-CN");
    holder.setAttribute("data-readout-ready", "1");
    holder.hidden = false;
    holder.cqUpdate = function (series) {
      // A slider moved (static edition): the same series, new points; the reader stays on the point and series in focus.
      current = points(series);
      var at = made.data.getCurrent();
      made.data.setData(current.data, undefined, at.index, at.group);
    };
    if (holder.cqPending) follow(holder, holder.cqPending);
  }

  var NUMBER = /^-?\d+(\.\d+)?$/;

  // The static edition's slider charts: Vega computes their points in the browser, so the readout
  // reads the live view's rows (the datasets its points are drawn from, named at bake time in
  // readout.live) after every change, by the rules lib/present/readout.py read the baked rows with.
  function liveSeries(readout, view) {
    var live = readout.live;
    var found = {};
    var order = [];
    live.sources.forEach(function (name) {
      view.data(name).forEach(function (row) {
        var x = readout.x_texts.indexOf((live.year || "{year}年").replace("{year}", row[live.x]));
        var series = row[live.series];
        if (x < 0 || series === undefined || row[live.value] === null || row[live.value] === undefined) return;
        var words = "";
        live.texts.some(function (field) {
          if (row[field] === undefined || row[field] === null || row[field] === "") return false;
          words = String(row[field]);
          return true;
        });
        if (live.unit && NUMBER.test(words)) words = words + " " + live.unit;
        if (!found[series]) { found[series] = []; order.push(series); }
        found[series].push([x, Number(row[live.value]), words]);
      });
    });
    // The series in the order the baked readout named them; points by year.
    var names = readout.series.map(function (one) { return one.name; });
    order.sort(function (a, b) { return names.indexOf(a) - names.indexOf(b); });
    return order.map(function (name) {
      return { name: name, points: found[name].sort(function (a, b) { return a[0] - b[0]; }) };
    });
  }

  function follow(holder, view) {
    var readout = JSON.parse(holder.getAttribute("data-readout"));
    if (!readout.live) return;
    if (!holder.cqUpdate) { holder.cqPending = view; return; }  // chart2music not started yet
    holder.cqPending = null;
    var update = function () {
      try {
        holder.cqUpdate(liveSeries(readout, view));
      } catch (error) {
        console.info("键盘读图未能更新：", error && error.message);
      }
    };
    readout.live.sources.forEach(function (name) { view.addDataListener(name, update); });
    update();
  }

  // site.js hands each live Vega view over when it is drawn (and again when 大字号 / 高对比 redraws it).
  document.addEventListener("cq-vega", function (event) {
    var figure = event.target.closest("figure");
    var holder = figure && figure.nextElementSibling;
    if (holder && holder.hasAttribute("data-readout")) follow(holder, event.detail);
  });

  function startAll() {
    if (typeof window.c2mChart !== "function") return;
    document.querySelectorAll("[data-readout]").forEach(start);
  }
  window.cqReadout = { startAll: startAll };
  // The app loads chart2music before this script. A baked page names it (data-chart2music) and it is
  // fetched after the load event, as Vega is (bake/static/site.js): the page is whole before 338 KB
  // of script compiles, and with JavaScript off it is never fetched.
  var library = document.currentScript && document.currentScript.getAttribute("data-chart2music");
  function load() {
    if (typeof window.c2mChart === "function" || !library) return startAll();
    var script = document.createElement("script");
    script.src = library;
    script.onload = startAll;
    document.head.appendChild(script);
  }
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load);
})();
