// aio4j monitor page. Every piece of data reaches the page through text nodes
// (textContent / append of strings), never parsed as HTML: task names, messages
// and stacks are shown as text, whatever characters they hold.
'use strict';
(function () {
  const token = new URLSearchParams(location.search).get('token') || '';
  const POLL_MS = 1000;
  const $ = (id) => document.getElementById(id);
  let filter = '';
  let selected = null;
  let timer = null;

  /** el('td', {class: 'num'}, 'text', node): an element whose children are text or nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'class') e.className = v;
      else if (k === 'data') for (const [dk, dv] of Object.entries(v)) e.dataset[dk] = String(dv);
      else e.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  function seconds(s) {
    if (s === null || s === undefined || Number.isNaN(s)) return '–';
    if (s < 1e-3) return (s * 1e6).toFixed(0) + ' µs';
    if (s < 1) return (s * 1e3).toFixed(s < 0.01 ? 2 : 1) + ' ms';
    if (s < 120) return s.toFixed(1) + ' s';
    return (s / 60).toFixed(1) + ' min';
  }
  function bytes(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KiB';
    if (n < 1024 * 1024 * 1024) return (n / 1048576).toFixed(1) + ' MiB';
    return (n / 1073741824).toFixed(2) + ' GiB';
  }
  function when(ms) {
    return ms === null || ms === undefined ? 'before the monitor' : new Date(ms).toLocaleTimeString();
  }
  function stackText(frames) {
    return frames && frames.length ? frames.map((f) => 'at ' + f).join('\n') : '(no frames of user code)';
  }

  async function getJson(url) {
    const r = await fetch(url, {cache: 'no-store'});
    const body = await r.json();
    return {status: r.status, body};
  }

  // ------------------------------------------------------------------ loops

  function drawLag(canvas, lag) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width;
    const h = canvas.height;
    ctx.clearRect(0, 0, w, h);
    const series = lag.perSecondMax.map((v) => (v === null ? null : v * 1e3));
    const top = Math.max(1, ...series.filter((v) => v !== null), (lag.p99 || 0) * 1e3);
    ctx.strokeStyle = '#d1d5db';
    ctx.beginPath();
    ctx.moveTo(0, h - 0.5);
    ctx.lineTo(w, h - 0.5);
    ctx.stroke();
    ctx.strokeStyle = '#2563eb';
    ctx.beginPath();
    let pen = false;
    series.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      const x = (i / (series.length - 1)) * (w - 2) + 1;
      const y = h - 2 - (v / top) * (h - 14);
      if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
      pen = true;
    });
    ctx.stroke();
    ctx.fillStyle = '#6b7280';
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillText('lag, worst per second, last 60 s (max ' + top.toFixed(2) + ' ms)', 4, 10);
  }

  function loopCard(l) {
    const stateText = l.state === 'stuck' ? 'stuck for ' + seconds(l.stuckSeconds) : l.state;
    const facts = el('dl', null,
      el('dt', null, 'iterations/s'), el('dd', {class: 'ips'}, l.iterationsPerSecond.toFixed(0)),
      el('dt', null, 'ready queue'), el('dd', null, l.ready),
      el('dt', null, 'timers'), el('dd', null, l.timers),
      el('dt', null, 'transports'), el('dd', null, l.transports),
      el('dt', null, 'tasks'), el('dd', null, l.tasks + ' (' + Object.entries(l.tasksByState).map(([k, v]) => v + ' ' + k).join(', ') + ')'),
      el('dt', null, 'bytes in / out'), el('dd', null, bytes(l.bytesIn) + ' / ' + bytes(l.bytesOut)),
      el('dt', null, 'lag p50 / p99'), el('dd', {class: 'lag'}, seconds(l.lag.p50) + ' / ' + seconds(l.lag.p99)),
      el('dt', null, 'slow steps'), el('dd', null, l.slowStepsTotal));
    const canvas = el('canvas', {class: 'lag', width: 360, height: 60});
    drawLag(canvas, l.lag);
    const card = el('div', {class: 'loop', data: {loopId: l.id}},
      el('h3', null, 'Loop #' + l.id + ' ',
        el('span', {class: 'badge loop-state state-' + l.state}, stateText), ' ',
        el('span', {class: 'hint'}, 'thread ' + (l.thread === null ? '–' : "'" + l.thread + "'") + ', ' + l.mode + ' mode' + (l.debug ? ', debug' : ''))),
      facts, canvas);
    if (l.stuck) {
      card.append(el('div', {class: 'stuck-box'},
        el('strong', null, 'Stuck ' + seconds(l.stuck.seconds) + ' in ' + (l.stuck.task ? "task '" + l.stuck.task + "'" : 'a callback') +
          (l.stuck.thread ? " (thread '" + l.stuck.thread + "')" : '')),
        el('pre', {class: 'stuck-stack'}, stackText(l.stuck.stack))));
    }
    if (l.slowSteps.length) {
      const d = el('details', {class: 'slow-steps'}, el('summary', null, 'last slow steps (' + l.slowSteps.length + ')'));
      for (const s of l.slowSteps) {
        d.append(el('div', {class: 'slow-step'},
          when(s.startedAt) + ': ' + seconds(s.seconds) + ' in ' + (s.task ? "task '" + s.task + "'" : 'a callback'),
          el('pre', null, stackText(s.stack))));
      }
      card.append(d);
    }
    return card;
  }

  function renderLoops(data) {
    $('loops').replaceChildren(...(data.loops.length ? data.loops.map(loopCard) : [el('p', null, 'No event loop is open.')]));
  }

  // ------------------------------------------------------------------ tasks

  function taskRow(t) {
    return el('tr', {class: 'task-row', data: {taskId: t.id}},
      el('td', {class: 'num'}, t.id),
      el('td', {class: 'task-name'}, el('a', {href: '#task/' + t.id, class: 'task-link'}, t.name)),
      el('td', {class: 'num'}, t.loop),
      el('td', {class: 'task-state state-' + t.state}, t.state + (t.cancelling ? ' (cancelling)' : '')),
      el('td', {class: 'task-coro'}, t.coroutine),
      el('td', null, when(t.createdAt)),
      el('td', {class: 'num'}, t.ageSeconds === null ? '–' : seconds(t.ageSeconds)),
      el('td', {class: 'task-awaits'}, t.awaits === null ? '' : t.awaits));
  }

  function renderTasks(data) {
    $('tasks').tBodies[0].replaceChildren(...data.tasks.map(taskRow));
    $('task-count').textContent = '(' + data.matching + ' of ' + data.total + (data.truncated ? ', first ' + data.tasks.length + ' shown' : '') + ')';
  }

  function renderTerminated(data) {
    $('terminated').tBodies[0].replaceChildren(...data.terminated.map((t) => el('tr', {class: 'terminated-row', data: {taskId: t.id}},
      el('td', {class: 'num'}, t.id),
      el('td', {class: 't-name'}, t.name),
      el('td', {class: 'num'}, t.loop),
      el('td', {class: 't-outcome'}, t.outcome === 'result' ? 'result: ' + t.resultType : t.outcome === 'exception' ? t.exceptionType : 'cancelled'),
      el('td', {class: 't-message'}, t.message === null ? '' : t.message),
      el('td', {class: 't-by'}, t.cancelledBy === null ? '' : t.cancelledBy),
      el('td', null, when(t.createdAt)),
      el('td', null, when(t.endedAt)))));
    $('terminated-count').textContent = '(last ' + data.terminated.length + ', keeps ' + data.keep + ')';
  }

  // ------------------------------------------------------------------ one task

  function treeNode(n) {
    const li = el('li', {data: {taskId: n.id}},
      el('a', {href: '#task/' + n.id, class: 'tree-name'}, n.name), ' ',
      el('span', {class: 'hint'}, n.state + (n.awaits ? ', awaits ' + n.awaits : '')));
    if (n.awaitedBy.length) li.append(el('ul', null, ...n.awaitedBy.map(treeNode)));
    return li;
  }

  function renderDetail(status, t) {
    const panel = $('task-detail');
    panel.hidden = false;
    if (status !== 200) {
      $('detail-title').textContent = '#' + selected;
      const facts = [el('dt', null, 'state'), el('dd', {id: 'detail-state'}, t.terminated ? 'terminated' : 'not found')];
      if (t.terminated) {
        const x = t.terminated;
        facts.push(el('dt', null, 'name'), el('dd', null, x.name),
          el('dt', null, 'outcome'), el('dd', null, x.outcome + (x.message ? ': ' + x.message : '') + (x.cancelledBy ? ' (by ' + x.cancelledBy + ')' : '')));
      } else {
        facts.push(el('dt', null, 'error'), el('dd', null, t.error));
      }
      $('detail-facts').replaceChildren(...facts);
      $('task-stack').textContent = '';
      $('awaits-chain').replaceChildren();
      $('await-tree').replaceChildren();
      $('cancel-button').disabled = true;
      return;
    }
    $('cancel-button').disabled = false;
    $('detail-title').textContent = '#' + t.id + ' ' + t.name;
    $('detail-facts').replaceChildren(
      el('dt', null, 'name'), el('dd', {id: 'detail-name'}, t.name),
      el('dt', null, 'state'), el('dd', {id: 'detail-state'}, t.state + (t.cancelling ? ' (cancelling' + (t.cancelledBy ? ', by ' + t.cancelledBy : '') + ')' : '')),
      el('dt', null, 'loop'), el('dd', null, t.loop),
      el('dt', null, 'coroutine'), el('dd', null, t.coroutine),
      el('dt', null, 'created'), el('dd', null, when(t.createdAt) + (t.ageSeconds === null ? '' : ' (' + seconds(t.ageSeconds) + ' ago)')),
      el('dt', null, 'awaits'), el('dd', null, t.awaits === null ? '–' : t.awaits));
    $('task-stack').textContent = stackText(t.stack);
    $('awaits-chain').replaceChildren(...(t.awaitsChain.length ? [el('span', {class: 'hint'}, 'awaits: '),
      ...t.awaitsChain.flatMap((n, i) => [i ? ' → ' : '', el('a', {href: '#task/' + n.id}, n.name)])] : []));
    $('await-tree').replaceChildren(treeNode(t.awaitTree));
  }

  async function cancelSelected(ev) {
    ev.preventDefault();
    const out = $('cancel-result');
    const id = selected;
    if (id === null) return;
    out.className = '';
    out.textContent = 'sending…';
    try {
      const r = await fetch('/api/tasks/' + encodeURIComponent(id) + '/cancel', {
        method: 'POST',
        headers: {'X-Aio4j-Token': token, 'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({message: $('cancel-message').value}).toString(),
      });
      const b = await r.json();
      if (r.status === 200) {
        out.className = 'ok';
        out.textContent = b.cancelRequested ? 'cancellation requested' : 'not cancelled: ' + b.reason;
      } else if (r.status === 202) {
        out.className = 'bad';
        out.textContent = 'queued, not yet delivered: ' + b.reason;
      } else {
        out.className = 'bad';
        out.textContent = 'refused (' + r.status + '): ' + b.error;
      }
    } catch (e) {
      out.className = 'bad';
      out.textContent = 'failed: ' + e;
    }
    refresh();
  }

  // ------------------------------------------------------------------ polling

  function route() {
    const m = /^#task\/(\d+)$/.exec(location.hash);
    const next = m ? m[1] : null;
    if (next !== selected) {
      selected = next;
      $('cancel-result').textContent = '';
      $('cancel-message').value = '';
    }
    if (!selected) $('task-detail').hidden = true;
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const q = filter ? '?q=' + encodeURIComponent(filter) : '';
      const [loops, tasks, term] = await Promise.all([getJson('/api/loops'), getJson('/api/tasks' + q), getJson('/api/terminated')]);
      renderLoops(loops.body);
      renderTasks(tasks.body);
      renderTerminated(term.body);
      if (selected) {
        const id = selected;
        const d = await getJson('/api/tasks/' + encodeURIComponent(id));
        if (id === selected) renderDetail(d.status, d.body);
      }
      const s = $('status');
      s.className = 'status';
      s.textContent = 'live, updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      const s = $('status');
      s.className = 'status error';
      s.textContent = 'connection lost (' + e + '), retrying';
    }
    timer = setTimeout(refresh, POLL_MS);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('token-warning').hidden = token !== '';
    $('task-filter').addEventListener('input', (e) => { filter = e.target.value; refresh(); });
    $('cancel-form').addEventListener('submit', cancelSelected);
    $('detail-close').addEventListener('click', (e) => { e.preventDefault(); history.replaceState(null, '', location.pathname + location.search); route(); });
    window.addEventListener('hashchange', () => { route(); refresh(); });
    route();
    refresh();
  });
})();
