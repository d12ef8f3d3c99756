/* Karabakh clash map: markers, date filter, search, unlocated panel and GeoJSON download.
 *
 * The page carries incidents as compact rows in <script id="clashmap-data"> (see geo/render.py).
 * This script turns each located row into a canvas circle marker inside its phase's Leaflet
 * FeatureGroup, so the layer control, the date filter and the counts all go through Leaflet.
 * Document text only ever reaches the page through textContent, never innerHTML.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var HEAD = 5; // row = [phase, lat, lon, day0, day1, ...stored fields]
  var UNLOCATED_LIMIT = 200;
  var LIVE_LIMIT = 20000;
  var POPUP_LIMIT = 20;
  var FIT_MAX_ZOOM = 10; // a lone village opens with its surroundings, not its streets

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function radiusFor(deaths) {
    if (deaths === null || deaths === undefined) {
      return 4;
    }
    return Math.min(4 + 2 * Math.sqrt(deaths), 24);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function Decoder(data) {
    this.data = data;
    this.pos = {};
    var next = HEAD;
    var self = this;
    data.fields.forEach(function (field) {
      var kind = field[1];
      if (kind === "day0" || kind === "day1" || kind === "period_id" || kind === "period_label") {
        return;
      }
      self.pos[field[0]] = next;
      next += 1;
    });
  }

  Decoder.prototype.str = function (index) {
    return index === null ? null : this.data.strings[index];
  };

  Decoder.prototype.value = function (kind, sub, raw) {
    var self = this;
    if (kind === "s") {
      return this.str(raw);
    }
    if (kind === "i") {
      return raw;
    }
    if (kind === "ls") {
      return raw.map(function (index) { return self.str(index); });
    }
    return raw.map(function (item) {
      var out = {};
      sub.forEach(function (pair, i) { out[pair[0]] = self.value(pair[1], [], item[i]); });
      return out;
    });
  };

  Decoder.prototype.properties = function (row) {
    var self = this;
    var period = this.data.periods[row[0]];
    var props = {};
    this.data.fields.forEach(function (field) {
      var name = field[0];
      var kind = field[1];
      if (kind === "day0") {
        props[name] = isoDay(row[3]);
      } else if (kind === "day1") {
        props[name] = isoDay(row[4]);
      } else if (kind === "period_id") {
        props[name] = period.id;
      } else if (kind === "period_label") {
        props[name] = period.label;
      } else {
        props[name] = self.value(kind, field[2], row[self.pos[name]]);
      }
    });
    return props;
  };

  Decoder.prototype.feature = function (row) {
    var props = this.properties(row);
    var scale = this.data.scale;
    return {
      type: "Feature",
      id: props.id,
      geometry: row[1] === null ? null : {type: "Point", coordinates: [row[2] / scale, row[1] / scale]},
      properties: props
    };
  };

  function deathsText(low, high) {
    if (low === null && high === null) {
      return "not stated";
    }
    if (high === null) {
      return "at least " + low;
    }
    if (low === null || low === high) {
      return String(high);
    }
    return low + "–" + high;
  }

  function popupContent(props) {
    var box = el("div", "cm-popup");
    box.appendChild(el("h3", null, props.event_type + " · " + props.date_start +
      (props.date_end !== props.date_start ? " to " + props.date_end : "") +
      " (" + props.date_precision + ")"));
    if (props.date_inferred) {
      box.appendChild(el("p", "cm-inferred", "Date inferred: " + props.date_inferred));
    }
    if (props.summary) {
      box.appendChild(el("p", "cm-summary", props.summary));
    }
    var place = props.place === null ? "unlocated: " + props.unlocated_reason
      : props.place + " (" + props.geo_precision + ")";
    box.appendChild(el("p", "cm-place", "Place: " + place));
    if (props.place_inferred) {
      box.appendChild(el("p", "cm-inferred", "Place inferred: " + props.place_inferred));
    }
    box.appendChild(el("p", "cm-deaths", "Deaths: " + deathsText(props.deaths_low, props.deaths_high)));
    if (props.claims.length) {
      var claims = el("ul", "cm-claims");
      props.claims.forEach(function (claim) {
        claims.appendChild(el("li", null, claim.doc + ": " +
          deathsText(claim.deaths_low, claim.deaths_high) + (claim.text ? " — " + claim.text : "")));
      });
      box.appendChild(claims);
    }
    props.sources.forEach(function (source) {
      var quote = el("blockquote", "cm-quote", source.quote);
      box.appendChild(quote);
      box.appendChild(el("p", "cm-cite", source.doc + " [" + source.start + "–" + source.end + "]"));
    });
    if (props.sides.length) {
      box.appendChild(el("p", "cm-sides", "Sides: " + props.sides.join("; ")));
    }
    return box;
  }

  function addBasemap(map, data) {
    var outlinePane = map.createPane("cmOutlines");
    outlinePane.style.zIndex = 150; // below the tile pane (200): visible only where tiles fail
    var labelPane = map.createPane("cmLabels");
    labelPane.style.zIndex = 160;
    L.geoJSON(data.outlines, {
      pane: "cmOutlines",
      renderer: L.svg({pane: "cmOutlines"}),
      interactive: false,
      style: {color: "#8a8a8a", weight: 1, fillColor: "#f2efe6", fillOpacity: 1}
    }).addTo(map);
    var labels = data.labels.map(function (label) {
      var text = el("span", "cm-place-label-text", label[0]);
      return L.marker([label[1], label[2]], {
        pane: "cmLabels",
        interactive: false,
        keyboard: false,
        icon: L.divIcon({className: "cm-place-label", html: text, iconSize: null})
      }).addTo(map);
    });
    declutter(labels);
    map.on("zoomend", function () { declutter(labels); });
  }

  // Labels come most reported first; one that would overlap a label kept before it is hidden
  // at this zoom (a greedy rule: the busiest places keep their names).
  function declutter(labels) {
    // Visibility does not move boxes: read them all in one layout, then hide.
    var texts = labels.map(function (marker) { return marker.getElement().firstChild; });
    var boxes = texts.map(function (text) { return text.getBoundingClientRect(); });
    var kept = [];
    texts.forEach(function (text, index) {
      var box = boxes[index];
      var overlaps = kept.some(function (other) {
        return box.left < other.right && other.left < box.right &&
          box.top < other.bottom && other.top < box.bottom;
      });
      text.style.visibility = overlaps ? "hidden" : "";
      if (!overlaps) {
        kept.push(box);
      }
    });
  }

  // A report that names only a district, province or region sits at that area's centre: a
  // hollow ring, larger for a larger kind of area, keeps it from reading as a village there.
  var AREA_RING = {district: 12, province: 16, region: 20, country: 24};

  function makeMarker(row, period, decoder, state) {
    var scale = decoder.data.scale;
    var low = row[decoder.pos.deaths_low];
    var high = row[decoder.pos.deaths_high];
    var isRange = low !== null && low !== high;
    var radius = radiusFor(high === null ? low : high);
    var ring = AREA_RING[decoder.str(row[decoder.pos.geo_precision])];
    var marker = L.circleMarker([row[1] / scale, row[2] / scale], {
      renderer: state.renderer,
      radius: ring ? Math.max(radius, ring) : radius,
      color: period.color,
      weight: ring ? 3 : isRange ? 2 : 1,
      dashArray: isRange ? "3 3" : null,
      fillColor: period.color,
      fillOpacity: ring ? 0 : isRange ? 0.25 : 0.6
    });
    marker.cmRow = row;
    marker.cmIn = true;
    return marker;
  }

  function start(map, groups) {
    var timings = {start: performance.now()};
    var source = document.getElementById("clashmap-data");
    var data = JSON.parse(source.textContent);
    var decoder = new Decoder(data);
    var state = {
      map: map,
      groups: groups,
      data: data,
      decoder: decoder,
      markers: [],
      unlocated: [],
      renderer: L.canvas({padding: 0.5}),
      from: 0,
      to: 0
    };
    state.timings = timings; // milliseconds since navigation start, read by the benchmark
    timings.parsed = performance.now();
    window.clashmapState = state;
    map.attributionControl.addAttribution(data.attribution);
    addBasemap(map, data);
    timings.basemap = performance.now();
    buildMarkers(state);
    timings.markers = performance.now();
    buildDates(state);
    state.timeline = window.clashmapTimeline
      ? window.clashmapTimeline.start(state, {isoDay: isoDay, setDates: setDates})
      : null;
    timings.dates = performance.now();
    buildSearch(state);
    buildLegend();
    timings.search = performance.now();
    document.getElementById("download-geojson").addEventListener("click", function () {
      download(state);
    });
    map.on("overlayadd overlayremove", function () {
      refresh(state);
      if (state.timeline) {
        state.timeline.draw();
      }
    });
    map.on("click", function () { document.getElementById("search-status").textContent = ""; });
    restoreView(state, window.location.hash);
    if (!state.pendingAt) {
      fitToIncidents(state);
    }
    refresh(state);
    // The search reveals its first match; the view the link was made at comes last.
    if (state.pendingSearch) {
      search(state, state.pendingSearch);
    }
    if (state.pendingAt) {
      // reset: a pan at the same zoom would round the centre to whole pixels
      map.setView([state.pendingAt[0], state.pendingAt[1]], state.pendingAt[2],
        {animate: false, reset: true});
    }
    state.isStarted = true;
    saveView(state);
    map.on("moveend", function () { saveView(state); });
    timings.ready = performance.now();
    document.getElementById("total-count").textContent = String(data.rows.length);
    document.documentElement.setAttribute("data-clashmap-ready", "1");
  }

  // Open on where the incidents shown are, not on the whole region: a corpus about the Tavush
  // border should not open as a few dots in a corner. The panel covers the map's left edge, so the
  // fit leaves room for it; a lone place is not zoomed in to street level.
  function fitToIncidents(state) {
    var scale = state.data.scale;
    var located = visibleRows(state).filter(function (row) { return row[1] !== null; });
    if (!located.length) {
      return;
    }
    var south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
    located.forEach(function (row) {
      south = Math.min(south, row[1] / scale);
      north = Math.max(north, row[1] / scale);
      west = Math.min(west, row[2] / scale);
      east = Math.max(east, row[2] / scale);
    });
    var panel = document.querySelector(".cm-panel");
    var left = panel ? panel.offsetWidth + 20 : 0;
    var size = state.map.getSize();
    state.map.fitBounds([[south, west], [north, east]], {
      paddingTopLeft: [left < size.x / 2 ? left : 0, 20],
      paddingBottomRight: [20, 20],
      maxZoom: FIT_MAX_ZOOM,
      animate: false
    });
  }

  function clusterIcon(color) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? 28 : count < 100 ? 34 : count < 1000 ? 40 : 46;
      var inner = el("div", "cm-cluster-inner", count);
      inner.style.background = color;
      return L.divIcon({html: inner, className: "cm-cluster", iconSize: L.point(size, size)});
    };
  }

  // Each phase's FeatureGroup (registered with the layer control) holds one marker cluster
  // group: dense places collapse into a few icons, which keeps 100k incidents fast to draw,
  // and incidents at the same place spiderfy apart at the highest zoom.
  function buildMarkers(state) {
    var perPhase = state.groups.map(function () { return []; });
    var t0 = performance.now();
    state.data.rows.forEach(function (row) {
      if (row[1] === null) {
        state.unlocated.push(row);
        return;
      }
      var marker = makeMarker(row, state.data.periods[row[0]], state.decoder, state);
      state.markers.push(marker);
      perPhase[row[0]].push(marker);
    });
    state.timings.created = performance.now() - t0;
    state.clusters = state.groups.map(function (group, index) {
      var cluster = L.markerClusterGroup({
        showCoverageOnHover: false,
        animate: false,
        maxClusterRadius: 40,
        // Incidents at one place stay clustered at the highest zoom; clicking the cluster there
        // opens one popup listing them (spiderfied canvas markers did not receive clicks).
        spiderfyOnMaxZoom: false,
        iconCreateFunction: clusterIcon(state.data.periods[index].color)
      });
      cluster.on("click", function (event) {
        if (event.layer && event.layer.cmRow) {
          openPopup(state, event.layer);
        }
      });
      cluster.on("clusterclick", function (event) {
        if (state.map.getZoom() >= state.map.getMaxZoom()) {
          openPopup(state, event.layer.getAllChildMarkers()[0]);
        }
      });
      // markercluster files markers given to a group that is off the map in a list it searches
      // once per marker, which is quadratic (1.2 s of 100k); on the map it clusters them at
      // once. A hidden phase is filled by refresh() when it is shown.
      group.addLayer(cluster);
      if (state.map.hasLayer(group)) {
        cluster.addLayers(perPhase[index]);
      } else {
        perPhase[index].forEach(function (marker) { marker.cmIn = false; });
      }
      return cluster;
    });
  }

  function unlocatedItem(state, row) {
    var props = state.decoder.properties(row);
    var item = el("li", "cm-unlocated-item");
    item.appendChild(el("span", "cm-date", props.date_start));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(el("span", "cm-type", props.event_type));
    item.appendChild(el("p", "cm-summary", props.summary));
    item.appendChild(el("p", "cm-reason", "Why unlocated: " + props.unlocated_reason));
    props.sources.forEach(function (source) {
      item.appendChild(el("blockquote", "cm-quote", source.quote));
      item.appendChild(el("p", "cm-cite", source.doc));
    });
    return item;
  }

  // Tens of thousands of list items would take Chromium many seconds to lay out, so the panel
  // lists the first UNLOCATED_LIMIT visible ones and says how many more the download holds.
  function showUnlocated(state, rows) {
    var list = document.getElementById("unlocated-list");
    list.textContent = "";
    rows.slice(0, UNLOCATED_LIMIT).forEach(function (row) {
      list.appendChild(unlocatedItem(state, row));
    });
    var more = document.getElementById("unlocated-more");
    more.textContent = rows.length > UNLOCATED_LIMIT
      ? "… and " + (rows.length - UNLOCATED_LIMIT) + " more in the GeoJSON download." : "";
  }

  function buildDates(state) {
    var rows = state.data.rows;
    var low = rows.length ? Infinity : 0;
    var high = rows.length ? -Infinity : 0;
    rows.forEach(function (row) {
      low = Math.min(low, row[3]);
      high = Math.max(high, row[4]);
    });
    state.from = low;
    state.to = high;
    ["date-from", "date-to"].forEach(function (id) {
      var input = document.getElementById(id);
      input.min = String(low);
      input.max = String(high);
      input.value = String(id === "date-from" ? low : high);
      // Re-clustering tens of thousands of markers takes a moment, so big maps filter when the
      // slider is released; small ones follow it live.
      input.addEventListener("input", function () { onDates(state, state.markers.length <= LIVE_LIMIT); });
      input.addEventListener("change", function () { onDates(state, true); });
    });
    onDates(state, false);
  }

  function onDates(state, apply) {
    var from = Number(document.getElementById("date-from").value);
    var to = Number(document.getElementById("date-to").value);
    state.from = Math.min(from, to);
    state.to = Math.max(from, to);
    var hasRows = state.data.rows.length > 0;
    document.getElementById("date-from-label").textContent = hasRows ? isoDay(state.from) : "–";
    document.getElementById("date-to-label").textContent = hasRows ? isoDay(state.to) : "–";
    if (state.timeline) {
      state.timeline.mark();
    }
    if (apply) {
      refresh(state);
    }
  }

  // The one way other controls (the timeline's brush and play) change the dates: through the
  // sliders, so that they always show what is applied.
  function setDates(state, from, to) {
    document.getElementById("date-from").value = String(from);
    document.getElementById("date-to").value = String(to);
    onDates(state, true);
  }

  function inDates(state, row) {
    return row[3] <= state.to && row[4] >= state.from;
  }

  // Only the phases on the map are brought up to date (see buildMarkers); showing a phase
  // fires overlayadd, which calls this again.
  function refresh(state) {
    var adds = state.groups.map(function () { return []; });
    var removes = state.groups.map(function () { return []; });
    var isShown = state.groups.map(function (group) { return state.map.hasLayer(group); });
    state.markers.forEach(function (marker) {
      if (!isShown[marker.cmRow[0]]) {
        return;
      }
      var want = inDates(state, marker.cmRow);
      if (want !== marker.cmIn) {
        marker.cmIn = want;
        (want ? adds : removes)[marker.cmRow[0]].push(marker);
      }
    });
    var onMap = 0;
    state.clusters.forEach(function (cluster, index) {
      if (removes[index].length) {
        cluster.removeLayers(removes[index]);
      }
      if (adds[index].length) {
        cluster.addLayers(adds[index]);
      }
      if (isShown[index]) {
        onMap += cluster.getLayers().length;
      }
    });
    var unlocatedRows = state.unlocated.filter(function (row) {
      return state.map.hasLayer(state.groups[row[0]]) && inDates(state, row);
    });
    var unlocatedShown = unlocatedRows.length;
    showUnlocated(state, unlocatedRows);
    document.getElementById("marker-count").textContent = String(onMap);
    document.getElementById("unlocated-count").textContent = String(unlocatedShown);
    document.getElementById("unlocated-shown").textContent = String(unlocatedShown);
    document.getElementById("visible-count").textContent = String(onMap + unlocatedShown);
    saveView(state);
  }

  // The view lives in the address's fragment, so a link opens the map as its sender saw it:
  // #phases=first-war,ceasefire&from=2016-04-01&to=2016-04-05&at=40.38,46.74,11&q=Talish
  function viewFragment(state) {
    var parts = [];
    var shown = state.data.periods.filter(function (period, index) {
      return state.map.hasLayer(state.groups[index]);
    });
    if (shown.length !== state.data.periods.length) {
      parts.push("phases=" + shown.map(function (period) { return period.id; }).join(","));
    }
    var low = Number(document.getElementById("date-from").min);
    var high = Number(document.getElementById("date-to").max);
    if (state.data.rows.length && (state.from !== low || state.to !== high)) {
      parts.push("from=" + isoDay(state.from), "to=" + isoDay(state.to));
    }
    var centre = state.map.getCenter();
    parts.push("at=" + centre.lat.toFixed(4) + "," + centre.lng.toFixed(4) + "," +
      state.map.getZoom());
    var query = document.getElementById("place-search").value.trim();
    if (query) {
      parts.push("q=" + encodeURIComponent(query));
    }
    return "#" + parts.join("&");
  }

  function saveView(state) {
    if (!state.isStarted) {
      return;
    }
    var fragment = viewFragment(state);
    if (fragment !== window.location.hash) {
      window.history.replaceState(null, "", fragment);
    }
  }

  function parseFragment(hash) {
    var view = {};
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) {
        view[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
      }
    });
    return view;
  }

  function dayOf(iso) {
    var time = Date.parse(iso + "T00:00:00Z");
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !isNaN(time) ? Math.round(time / DAY_MS) : null;
  }

  // Parts that do not parse are ignored: a mistyped link still opens the map.
  function restoreView(state, hash) {
    var view = parseFragment(hash);
    if (view.phases !== undefined) {
      var wanted = view.phases.split(",");
      state.data.periods.forEach(function (period, index) {
        if (wanted.indexOf(period.id) === -1) {
          state.map.removeLayer(state.groups[index]);
        }
      });
    }
    var from = dayOf(view.from || "");
    var to = dayOf(view.to || "");
    if (from !== null || to !== null) {
      var fromInput = document.getElementById("date-from");
      var toInput = document.getElementById("date-to");
      fromInput.value = String(from === null ? fromInput.min : from);
      toInput.value = String(to === null ? toInput.max : to);
      onDates(state, false);
    }
    var at = (view.at || "").split(",").map(Number);
    if (at.length === 3 && at.every(function (n) { return isFinite(n); })) {
      state.pendingAt = at;
    }
    if (view.q) {
      document.getElementById("place-search").value = view.q;
      state.pendingSearch = view.q;
    }
  }

  function visibleRows(state) {
    var rows = [];
    state.data.rows.forEach(function (row) {
      if (state.map.hasLayer(state.groups[row[0]]) && inDates(state, row)) {
        rows.push(row);
      }
    });
    return rows;
  }

  function download(state) {
    var features = visibleRows(state).map(function (row) { return state.decoder.feature(row); });
    var text = JSON.stringify({type: "FeatureCollection", features: features}, null, 1);
    var blob = new Blob([text], {type: "application/geo+json"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "clashes-visible.geojson";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  // Incidents of different phases at one place sit in different cluster groups, so they are
  // drawn on top of each other; the popup lists every visible incident at the clicked point.
  function openPopup(state, marker) {
    var here = marker.getLatLng();
    var others = state.markers.filter(function (other) {
      return other !== marker && other.cmIn && state.map.hasLayer(state.groups[other.cmRow[0]]) &&
        other.getLatLng().equals(here);
    });
    var rows = [marker.cmRow].concat(others.map(function (other) { return other.cmRow; }));
    var box = el("div", "cm-popups");
    if (rows.length > 1) {
      box.appendChild(el("p", "cm-popup-count", rows.length + " incidents here"));
    }
    rows.slice(0, POPUP_LIMIT).forEach(function (row) {
      box.appendChild(popupContent(state.decoder.properties(row)));
    });
    if (rows.length > POPUP_LIMIT) {
      box.appendChild(el("p", "cm-note", "… and " + (rows.length - POPUP_LIMIT) +
        " more; zoom in or narrow the dates."));
    }
    if (!state.popup) {
      state.popup = L.popup({maxWidth: 360, maxHeight: 320});
    }
    state.popup.setLatLng(here).setContent(box).openOn(state.map);
  }

  // Zoom in until the marker leaves its cluster; incidents at the very same place stay in one
  // cluster, whose click lists them all. (markercluster's zoomToShowLayer never calls back
  // when animation is off.)
  function reveal(state, marker) {
    state.map.setView(marker.getLatLng(), state.map.getMaxZoom(), {animate: false});
  }

  // markercluster's getVisibleParent looks for an icon, which circle markers do not have.
  function visibleParent(marker) {
    var layer = marker;
    while (layer && !layer._map) {
      layer = layer.__parent;
    }
    return layer || null;
  }

  function placeNames(state, row) {
    var names = [];
    var main = state.decoder.str(row[state.decoder.pos.place]);
    if (main) {
      names.push(main);
    }
    row[state.decoder.pos.places].forEach(function (item) {
      names.push(state.decoder.str(item[1]), state.decoder.str(item[2]));
    });
    return names;
  }

  function buildSearch(state) {
    var names = {};
    state.markers.forEach(function (marker) {
      var main = state.decoder.str(marker.cmRow[state.decoder.pos.place]);
      if (main) {
        names[main] = true;
      }
    });
    var list = document.getElementById("place-names");
    Object.keys(names).sort().forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
    var input = document.getElementById("place-search");
    input.addEventListener("change", function () { search(state, input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        search(state, input.value);
      }
    });
  }

  function search(state, text) {
    var query = text.trim().toLowerCase();
    var status = document.getElementById("search-status");
    saveView(state);
    if (!query) {
      status.textContent = "";
      return;
    }
    var matches = state.markers.filter(function (marker) {
      return marker.cmIn && state.map.hasLayer(state.groups[marker.cmRow[0]]) &&
        placeNames(state, marker.cmRow).some(function (name) {
          return name && name.toLowerCase().indexOf(query) !== -1;
        });
    });
    if (!matches.length) {
      status.textContent = "No visible incident at “" + text.trim() + "”.";
      return;
    }
    status.textContent = matches.length + (matches.length === 1 ? " incident" : " incidents") +
      " at “" + text.trim() + "”; showing the first.";
    reveal(state, matches[0]);
    openPopup(state, matches[0]);
  }

  function buildLegend() {
    var areas = document.getElementById("legend-areas");
    [["district", "a district or province only"], ["region", "a region or a whole country only"]].forEach(
      function (pair) {
        var item = el("li");
        var ring = el("span", "cm-area-ring");
        var size = 2 * AREA_RING[pair[0]];
        ring.style.width = size + "px";
        ring.style.height = size + "px";
        item.appendChild(ring);
        item.appendChild(el("span", null, pair[1]));
        areas.appendChild(item);
      }
    );
    var list = document.getElementById("legend-sizes");
    [1, 10, 50, 100].forEach(function (deaths) {
      var item = el("li");
      var dot = el("span", "cm-size-dot");
      var size = 2 * radiusFor(deaths);
      dot.style.width = size + "px";
      dot.style.height = size + "px";
      item.appendChild(dot);
      item.appendChild(el("span", null, deaths + (deaths === 1 ? " death" : " deaths")));
      list.appendChild(item);
    });
  }

  window.clashmap = {
    start: start,
    isoDay: isoDay,
    radiusFor: radiusFor,
    reveal: reveal,
    visibleParent: visibleParent
  };
}());
