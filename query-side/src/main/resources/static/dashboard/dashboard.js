/*
 * The dashboard's script. Every page works without it (server-rendered tables, links, forms); with it:
 * the timeline is drawn with ECharts, the ranking sorts and filters as you click and type, and every
 * page re-reads its live regions ([data-live]) when the server says the campaign's figures changed.
 */
(function () {
  'use strict';

  var lang = document.documentElement.lang || 'vi';
  var numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

  /** Folds a name as the server's SearchKey does: lower case, no diacritics, đ as d. */
  function searchKey(text) {
    return (text || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();
  }

  // ---- the timeline chart -------------------------------------------------------------------------
  function drawChart() {
    var holder = document.getElementById('chart');
    var source = document.getElementById('chart-data');
    if (!holder || !source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var existing = echarts.getInstanceByDom(holder);
    if (existing) {
      existing.dispose();
    }
    holder.classList.add('drawn');
    var chart = echarts.init(holder, null, { renderer: 'canvas' });
    var format = function (value) {
      return value == null ? '–' : numbers.format(value) + (data.percent ? ' %' : '');
    };
    var dateFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    var marks = [];
    if (data.goal != null) {
      marks.push({ yAxis: data.goal, name: holder.dataset.goalLabel,
        label: { formatter: holder.dataset.goalLabel + ': ' + format(data.goal), position: 'insideStartTop' } });
    }
    marks.push({ xAxis: String(data.today), name: holder.dataset.todayLabel,
      label: { formatter: holder.dataset.todayLabel, position: 'end' }, lineStyle: { type: 'dotted', color: '#555' } });
    chart.setOption({
      animation: false,
      grid: { left: 64, right: 32, top: 32, bottom: 48 },
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          var i = params[0].dataIndex;
          return holder.dataset.dayLabel + ' ' + data.days[i] + ' · '
            + dateFormat.format(new Date(data.dates[i] + 'T00:00:00Z')) + '<br>'
            + params[0].marker + data.label + ': <strong>' + format(params[0].value) + '</strong>';
        }
      },
      xAxis: { type: 'category', data: data.days.map(String), name: holder.dataset.dayLabel,
        nameLocation: 'middle', nameGap: 28, boundaryGap: false },
      yAxis: { type: 'value', max: data.percent ? 100 : null,
        axisLabel: { formatter: function (v) { return numbers.format(v); } } },
      series: [{
        name: data.label, type: 'line', data: data.values, showSymbol: true, symbolSize: 5,
        lineStyle: { width: 3, color: '#1f5f8b' }, itemStyle: { color: '#1f5f8b' }, areaStyle: { opacity: 0.08 },
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#b03a2e', type: 'dashed', width: 2 }, data: marks }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // ---- the ranking table --------------------------------------------------------------------------
  var ranking = { sort: null, dir: null };

  function rankingTable() {
    return document.getElementById('ranking');
  }

  function sortRanking(key, dir) {
    var table = rankingTable();
    if (!table) {
      return;
    }
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var column = headers.findIndex(function (th) { return th.dataset.sort === key; });
    if (column < 0) {
      return;
    }
    var numeric = headers[column].dataset.type === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.value;
      var y = b.cells[column].dataset.value;
      var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, lang);
      if (order === 0) {
        order = parseFloat(a.cells[0].dataset.value) - parseFloat(b.cells[0].dataset.value);
        return order;
      }
      return dir === 'asc' ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (th, i) {
      if (th.dataset.sort) {
        th.setAttribute('aria-sort', i === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
      }
    });
    ranking.sort = key;
    ranking.dir = dir;
    var form = document.getElementById('ranking-filters');
    if (form) {
      form.elements.sort.value = key;
      form.elements.dir.value = dir;
    }
    remember();
  }

  function filterRanking() {
    var table = rankingTable();
    var form = document.getElementById('ranking-filters');
    if (!table || !form) {
      return;
    }
    var wanted = searchKey(form.elements.q.value);
    var kind = form.elements.kind.value;
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var visible = row.dataset.search.indexOf(wanted) >= 0 && (!kind || row.dataset.kind === kind);
      row.hidden = !visible;
      if (visible) {
        shown++;
      }
    });
    var count = document.getElementById('ranking-count');
    if (count) {
      count.textContent = count.textContent.replace(/^[\d.,\s]+/, shown + ' ');
    }
    remember();
  }

  /** Keeps the address in step with the sort and filters, so a reload or a shared link shows the same. */
  function remember() {
    var form = document.getElementById('ranking-filters');
    if (!form || !window.history.replaceState) {
      return;
    }
    var params = new URLSearchParams(location.search);
    ['q', 'kind', 'sort', 'dir'].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { params.set(name, value); } else { params.delete(name); }
    });
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : ''));
  }

  function enhanceRanking() {
    var table = rankingTable();
    var form = document.getElementById('ranking-filters');
    if (!table || !form) {
      return;
    }
    // on the document, not the table: a live update replaces the table
    document.addEventListener('click', function (event) {
      var link = event.target.closest('#ranking th[data-sort] a');
      if (!link) {
        return;
      }
      event.preventDefault();
      var key = link.parentElement.dataset.sort;
      var dir = ranking.sort === key ? (ranking.dir === 'asc' ? 'desc' : 'asc') : (key === 'name' ? 'asc' : 'desc');
      if (key === 'rank') {
        dir = 'asc';
      }
      sortRanking(key, dir);
      link.focus();
    });
    form.elements.q.addEventListener('input', filterRanking);
    form.elements.kind.addEventListener('change', filterRanking);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      filterRanking();
    });
    if (form.elements.sort.value) {
      ranking.sort = form.elements.sort.value;
      ranking.dir = form.elements.dir.value || 'desc';
    }
    filterRanking();
  }

  function reapplyRanking() {
    if (ranking.sort) {
      sortRanking(ranking.sort, ranking.dir);
    }
    filterRanking();
  }

  // ---- live updates -------------------------------------------------------------------------------
  var refreshTimer = null;
  var refreshing = false;
  var again = false;

  function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    fetch(location.href, { headers: { 'Accept': 'text/html' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live][id]').forEach(function (region) {
          var replacement = fresh.getElementById(region.id);
          if (replacement) {
            region.querySelectorAll('details[open]').forEach(function (open, i) {
              var twin = replacement.querySelectorAll('details')[i];
              if (twin) { twin.open = true; }
            });
            var focused = pathTo(region, document.activeElement);
            var imported = document.importNode(replacement, true);
            region.replaceWith(imported);
            refocus(imported, focused);
          }
        });
        drawChart();
        reapplyRanking();
        var status = document.getElementById('live-status');
        if (status) {
          status.textContent = status.dataset.textUpdated.replace('{0}', new Date().toLocaleTimeString(lang));
        }
        document.body.dataset.liveRefreshes = String(Number(document.body.dataset.liveRefreshes || 0) + 1);
        document.body.dataset.lastRefresh = String(Date.now());
      })
      .catch(function () { /* the next change or reconnect tries again */ })
      .finally(function () {
        refreshing = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  /** Where the keyboard's focus is inside a region (child positions from it), or null if elsewhere. */
  function pathTo(region, element) {
    if (!element || element === document.body || !region.contains(element) || element === region) {
      return null;
    }
    var path = [];
    for (var node = element; node !== region; node = node.parentElement) {
      path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    }
    return path;
  }

  /** A live update must not take the focus from a keyboard user: the same place in the new region gets it. */
  function refocus(region, path) {
    if (!path) {
      return;
    }
    var node = region;
    for (var i = 0; node && i < path.length; i++) {
      node = node.children[path[i]];
    }
    if (node && typeof node.focus === 'function') {
      node.focus({ preventScroll: true });
    }
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 50);
  }

  function connect() {
    var status = document.getElementById('live-status');
    if (!status || !window.EventSource) {
      return;
    }
    var opened = false;
    var source = new EventSource(status.dataset.liveUrl);
    source.addEventListener('open', function () {
      status.textContent = status.dataset.textLive;
      status.classList.add('on');
      document.body.dataset.live = 'on';
      if (opened) {
        scheduleRefresh(); // back after a restart: figures may have changed meanwhile
      }
      opened = true;
    });
    source.addEventListener('progress', function () {
      document.body.dataset.lastProgress = String(Date.now());
      scheduleRefresh();
    });
    // a page left open in the back-forward cache must not keep its stream: browsers allow few per server
    window.addEventListener('pagehide', function () { source.close(); }, { once: true });
    source.addEventListener('error', function () {
      status.textContent = status.dataset.textOff;
      status.classList.remove('on');
      document.body.dataset.live = 'off';
      if (source.readyState === EventSource.CLOSED) {
        // the browser gives up on an error status; a restarted server deserves another try
        setTimeout(connect, 2000);
      }
    });
  }

  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      connect();
      scheduleRefresh();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    drawChart();
    enhanceRanking();
    connect();
  });
})();
