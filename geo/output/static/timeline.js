/* Karabakh clash map: incidents per year, month or week, stacked by phase; drag to choose dates,
 * play to move a window through time. Reads and sets the date sliders that clashmap.js owns. */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var WIDTH = 280;
  var HEIGHT = 64;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var PLAY_MS = 900;

  // Fine enough to show the rhythm, coarse enough that bars stay a few pixels wide.
  function unitFor(low, high) {
    var days = high - low;
    if (days <= 2 * 366) {
      return "week";
    }
    return days <= 15 * 366 ? "month" : "year";
  }

  function binStart(day, unit) {
    var date = new Date(day * DAY_MS);
    if (unit === "week") {
      return day - ((date.getUTCDay() + 6) % 7); // Monday
    }
    var month = unit === "month" ? date.getUTCMonth() : 0;
    return Math.round(Date.UTC(date.getUTCFullYear(), month, 1) / DAY_MS);
  }

  function nextStart(start, unit) {
    if (unit === "week") {
      return start + 7;
    }
    var date = new Date(start * DAY_MS);
    var year = date.getUTCFullYear() + (unit === "year" ? 1 : 0);
    var month = date.getUTCMonth() + (unit === "month" ? 1 : 0);
    return Math.round(Date.UTC(year, month, 1) / DAY_MS);
  }

  function makeBins(low, high, unit) {
    var bins = [];
    for (var start = binStart(low, unit); start <= high; start = nextStart(start, unit)) {
      bins.push({start: start, end: nextStart(start, unit) - 1});
    }
    return bins;
  }

  function binOf(bins, day) {
    var lo = 0;
    var hi = bins.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (bins[mid].start <= day) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    return node;
  }

  function Timeline(state, api) {
    var rows = state.data.rows;
    this.state = state;
    this.api = api;
    this.low = Number(document.getElementById("date-from").min);
    this.high = Number(document.getElementById("date-to").max);
    this.unit = unitFor(this.low, this.high);
    this.bins = rows.length ? makeBins(this.low, this.high, this.unit) : [];
    var bins = this.bins;
    var deathsPos = state.decoder.pos.deaths_high;
    var lowPos = state.decoder.pos.deaths_low;
    // An incident counts in the bin of its first day; its deaths are the higher figure.
    this.rowBins = rows.map(function (row) { return binOf(bins, row[3]); });
    this.rowDeaths = rows.map(function (row) {
      var high = row[deathsPos];
      return high === null ? (row[lowPos] === null ? 0 : row[lowPos]) : high;
    });
    this.svg = document.getElementById("timeline-bars");
    this.brush = null;
    this.timer = null;
  }

  Timeline.prototype.isDeaths = function () {
    return document.getElementById("timeline-deaths").checked;
  };

  Timeline.prototype.totals = function () {
    var state = this.state;
    var phases = state.groups.length;
    var shown = state.groups.map(function (group) { return state.map.hasLayer(group); });
    var values = this.bins.map(function () { return new Array(phases).fill(0); });
    var isDeaths = this.isDeaths();
    var self = this;
    state.data.rows.forEach(function (row, index) {
      if (shown[row[0]]) {
        values[self.rowBins[index]][row[0]] += isDeaths ? self.rowDeaths[index] : 1;
      }
    });
    return values;
  };

  Timeline.prototype.draw = function () {
    var svg = this.svg;
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    var values = this.totals();
    var peak = 0;
    values.forEach(function (stack) {
      peak = Math.max(peak, stack.reduce(function (a, b) { return a + b; }, 0));
    });
    var width = WIDTH / Math.max(1, this.bins.length);
    var periods = this.state.data.periods;
    var self = this;
    values.forEach(function (stack, index) {
      var bin = self.bins[index];
      var group = svgEl("g", {"class": "cm-bin", "data-start": bin.start, "data-end": bin.end});
      var y = HEIGHT;
      stack.forEach(function (value, phase) {
        if (!value) {
          return;
        }
        var height = peak ? (value / peak) * (HEIGHT - 2) : 0;
        y -= height;
        var rect = svgEl("rect", {
          x: index * width, y: y, width: Math.max(width - 0.5, 0.5), height: height,
          fill: periods[phase].color, "data-phase": phase, "data-value": value
        });
        group.appendChild(rect);
      });
      var title = svgEl("title", {});
      var total = stack.reduce(function (a, b) { return a + b; }, 0);
      title.textContent = self.api.isoDay(bin.start) + " – " + self.api.isoDay(bin.end) + ": " +
        total + (self.isDeaths() ? " deaths" : total === 1 ? " incident" : " incidents");
      group.appendChild(title);
      svg.appendChild(group);
    });
    svg.appendChild(this.brushRect());
    this.mark();
    var what = this.isDeaths() ? "Deaths" : "Incidents";
    document.getElementById("timeline-caption").textContent =
      what + " per " + this.unit + ", by phase; drag across the bars to choose dates.";
    document.getElementById("timeline-first").textContent =
      this.bins.length ? this.api.isoDay(this.bins[0].start).slice(0, 4) : "";
    document.getElementById("timeline-last").textContent =
      this.bins.length ? this.api.isoDay(this.bins[this.bins.length - 1].end).slice(0, 4) : "";
  };

  Timeline.prototype.brushRect = function () {
    this.brush = svgEl("rect", {"class": "cm-brush", x: 0, y: 0, width: 0, height: HEIGHT});
    return this.brush;
  };

  // Bins outside the chosen dates are dimmed.
  Timeline.prototype.mark = function () {
    var state = this.state;
    Array.prototype.forEach.call(this.svg.querySelectorAll(".cm-bin"), function (group) {
      var inside = Number(group.getAttribute("data-start")) <= state.to &&
        Number(group.getAttribute("data-end")) >= state.from;
      group.setAttribute("class", inside ? "cm-bin" : "cm-bin cm-bin-out");
    });
  };

  Timeline.prototype.indexAt = function (clientX) {
    var box = this.svg.getBoundingClientRect();
    var x = (clientX - box.left) * (WIDTH / box.width);
    var index = Math.floor(x / (WIDTH / this.bins.length));
    return Math.max(0, Math.min(this.bins.length - 1, index));
  };

  Timeline.prototype.choose = function (first, last) {
    var a = Math.min(first, last);
    var b = Math.max(first, last);
    this.api.setDates(this.state, Math.max(this.low, this.bins[a].start),
      Math.min(this.high, this.bins[b].end));
  };

  Timeline.prototype.listen = function () {
    var self = this;
    var from = null;
    this.svg.addEventListener("pointerdown", function (event) {
      if (!self.bins.length) {
        return;
      }
      self.stop();
      from = self.indexAt(event.clientX);
      self.svg.setPointerCapture(event.pointerId);
      self.showBrush(from, from);
    });
    this.svg.addEventListener("pointermove", function (event) {
      if (from !== null) {
        self.showBrush(from, self.indexAt(event.clientX));
      }
    });
    this.svg.addEventListener("pointerup", function (event) {
      if (from !== null) {
        var to = self.indexAt(event.clientX);
        self.brush.setAttribute("width", "0");
        self.choose(from, to);
        from = null;
      }
    });
    document.getElementById("timeline-deaths").addEventListener("change", function () {
      self.draw();
    });
    document.getElementById("timeline-all").addEventListener("click", function () {
      self.stop();
      self.api.setDates(self.state, self.low, self.high);
    });
    document.getElementById("timeline-play").addEventListener("click", function () {
      if (self.timer === null) {
        self.play();
      } else {
        self.stop();
      }
    });
  };

  Timeline.prototype.showBrush = function (first, last) {
    var width = WIDTH / this.bins.length;
    this.brush.setAttribute("x", String(Math.min(first, last) * width));
    this.brush.setAttribute("width", String((Math.abs(last - first) + 1) * width));
  };

  // The window keeps its width in bins and moves one bin per step; from the whole range, it
  // starts as a tenth of it.
  Timeline.prototype.play = function () {
    var self = this;
    var first = binOf(this.bins, this.state.from);
    var last = binOf(this.bins, this.state.to);
    var span = last - first + 1;
    if (span >= this.bins.length) {
      span = Math.max(1, Math.round(this.bins.length / 10));
    }
    if (last >= this.bins.length - 1 || span !== last - first + 1) {
      first = 0;
    }
    document.getElementById("timeline-play").textContent = "Pause";
    var step = function () {
      if (first + span > self.bins.length) {
        self.stop();
        return;
      }
      self.choose(first, first + span - 1);
      first += 1;
    };
    step();
    this.timer = window.setInterval(step, PLAY_MS);
  };

  Timeline.prototype.stop = function () {
    if (this.timer !== null) {
      window.clearInterval(this.timer);
      this.timer = null;
    }
    document.getElementById("timeline-play").textContent = "Play";
  };

  window.clashmapTimeline = {
    start: function (state, api) {
      var timeline = new Timeline(state, api);
      timeline.draw();
      timeline.listen();
      return timeline;
    }
  };
}());
