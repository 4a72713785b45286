// Podium's live page: times in the viewer's own zone, and on a session's display the state pushed by the
// server (server-sent events) with the countdown run here from the server's times. Text only, never markup.
// The state is the same for every viewer (names, numbers, codes); the page's own words for the codes, in its
// viewer's language, come with the page as JSON in the body's data-labels.
"use strict";

(function () {
  var body = document.body;
  var lang = body.dataset.lang || "en";
  var words = readLabels();
  var plurals = new Intl.PluralRules(lang);
  var local = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || words.yourZone;

  function readLabels() {
    var english = {
      nobody: "Nobody has the floor",
      open: { other: "List of speakers open · {count} waiting" },
      closed: { other: "List of speakers closed · {count} waiting" },
      kinds: {},
      categories: {},
      paused: "paused — point of order by {name}",
      unofficial: "(unofficial translation)",
      yourTime: "{start}–{end} your time ({zone})",
      yourZone: "your zone",
    };
    try {
      return Object.assign(english, JSON.parse(body.dataset.labels || "{}"));
    } catch (error) {
      return english;
    }
  }

  // "{name}" filled with text: a function as replacement, so a "$" in a typed name stays as typed.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function counted(forms, count) {
    return fill(forms[plurals.select(count)] || forms.other, { count: count });
  }

  function inLanguage(titles, unofficial, fallback) {
    var title = (titles && titles[lang]) || fallback;
    return unofficial && unofficial.indexOf(lang) >= 0 ? title + " " + words.unofficial : title;
  }

  function meta(named) {
    var category = words.categories[named.category] || named.category;
    var kind = words.kinds[named.kind] || named.kind;
    return [category, kind].filter(Boolean).join(" · ");
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(id, text) {
    var element = byId(id);
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function localise(root) {
    root.querySelectorAll(".local[data-start]").forEach(function (span) {
      var start = new Date(Number(span.dataset.start));
      var end = new Date(Number(span.dataset.end));
      span.textContent = fill(words.yourTime, { start: local.format(start), end: local.format(end), zone: zone });
    });
    root.querySelectorAll(".your-zone").forEach(function (span) {
      span.textContent = "(" + zone + ")";
    });
  }

  // The meeting's clock as the server keeps it: its time when last told, and how fast it runs (a simulated
  // clock may run faster, or only jump: rate 0).
  var clock = { at: 0, rate: 1, seen: 0 };
  var state = null;

  function serverNow() {
    return clock.at + (performance.now() - clock.seen) * clock.rate;
  }

  function setClock(now, rate) {
    clock = { at: now, rate: rate, seen: performance.now() };
  }

  function countdownText(ms) {
    var over = ms < 0;
    var seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    var text = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    return over ? "−" + text : text;
  }

  function tick() {
    var element = byId("countdown");
    var turn = state && state.turn;
    if (!element || !turn) {
      return;
    }
    if (turn.deadline === null) {
      setText("countdown", "—");
      element.className = "countdown";
      return;
    }
    var left = turn.deadline - (turn.suspended !== null ? turn.suspended : serverNow());
    setText("countdown", countdownText(left));
    var phase = left <= 0 ? " red" : left <= state.warning ? " amber" : "";
    var wanted = "countdown" + phase + (turn.suspended !== null ? " paused" : "");
    if (element.className !== wanted) {
      element.className = wanted;
    }
  }

  function showUpcoming(upcoming) {
    var list = byId("upcoming");
    var items = upcoming.map(function (named) {
      var item = document.createElement("li");
      var who = document.createElement("span");
      var from = document.createElement("span");
      who.className = "who";
      who.textContent = named.name;
      from.className = "from";
      from.textContent = named.delegation || meta(named);
      item.append(who, from);
      return item;
    });
    list.replaceChildren.apply(list, items);
  }

  function showObjectives(objectives) {
    var list = byId("objectives");
    list.replaceChildren.apply(
      list,
      objectives.map(function (objective) {
        var item = document.createElement("li");
        var title = inLanguage(objective.titles, objective.unofficial, objective.titles.en);
        item.textContent = objective.number + ". " + title;
        return item;
      })
    );
  }

  function show(next) {
    state = next;
    setClock(next.now, next.rate);
    var turn = next.turn;
    setText("title", inLanguage(next.titles, next.unofficial, next.title));
    setText("name", turn ? turn.name : words.nobody);
    setText("delegation", turn ? turn.delegation : "");
    setText("meta", turn ? meta(turn) : "");
    setText("paused", turn && turn.pausedBy ? fill(words.paused, { name: turn.pausedBy }) : "");
    setText("list", counted(next.open ? words.open : words.closed, next.waiting));
    if (!turn) {
      setText("countdown", "");
      byId("countdown").className = "countdown";
    }
    showUpcoming(next.upcoming);
    showObjectives(next.objectives);
    body.dataset.version = String(next.version);
    tick();
  }

  function listen(url) {
    // EventSource reconnects by itself; the server sends the whole state on every connection.
    var source = new EventSource(url);
    source.addEventListener("state", function (event) {
      show(JSON.parse(event.data));
    });
    source.addEventListener("clock", function (event) {
      var told = JSON.parse(event.data);
      setClock(told.now, told.rate);
      tick();
    });
    source.addEventListener("open", function () {
      body.classList.remove("offline");
    });
    source.addEventListener("error", function () {
      body.classList.add("offline");
    });
  }

  localise(document);
  if (body.dataset.events) {
    listen(body.dataset.events);
    window.setInterval(tick, 200);
  }
})();
