// The web UI: upload or connect -> review the schema -> configure -> generate with live progress ->
// report -> download. Every call goes to the REST API with the key in the Authorization header, so
// the key never appears in a URL.
'use strict';
const $ = id => document.getElementById(id);
const KINDS = ['id', 'categorical', 'numeric', 'datetime', 'text', 'pii'];
const MODES = ['', 'synthesize', 'keep', 'exclude'];
const PII = ['', 'email', 'first_name', 'last_name', 'full_name', 'phone', 'street_address', 'ssn', 'iban', 'username'];
let job = null;
let schema = null;

function key() { return $('key').value.trim(); }

async function api(method, path, body, headers) {
  const h = Object.assign({ 'Authorization': 'Bearer ' + key() }, headers || {});
  if (body && !(body instanceof FormData) && typeof body !== 'string') {
    body = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const r = await fetch(path, { method, headers: h, body });
  if (!r.ok) {
    let detail = r.status + ' ' + r.statusText;
    try { const e = await r.json(); detail = e.detail || e.error || detail; } catch (ignored) { /* not JSON */ }
    throw new Error(detail);
  }
  return r;
}

function say(id, text, bad) {
  const p = $(id);
  p.textContent = text;
  p.className = bad ? 'error' : 'ok';
}

function show(id) {
  $(id).hidden = false;
}

async function loadServerInfo() {
  const h = await (await fetch('/health')).json();
  const model = $('model');
  (h.model_kinds || []).forEach(k => model.append(new Option(k, k)));
  // As the CLI: auto trains every kind on each table, minutes per table with vaegan.
  if ((h.model_kinds || []).includes('statistical')) model.value = 'statistical';
  const box = $('formats');
  (h.formats || ['csv']).forEach(f => {
    const c = document.createElement('input');
    c.type = 'checkbox'; c.id = 'format-' + f; c.value = f; c.checked = f === 'csv';
    const l = document.createElement('label');
    l.htmlFor = c.id; l.textContent = f;
    box.append(c, l);
  });
}

async function readSource() {
  say('source-status', 'Reading…');
  $('upload').disabled = true;
  try {
    let r;
    if ($('kind-jdbc').checked) {
      r = await api('POST', '/api/jobs', { source: $('jdbc').value.trim(), review: true });
    } else {
      const file = $('file').files[0];
      if (!file) throw new Error('choose a file first');
      const form = new FormData();
      form.append('review', 'true');
      form.append('file', file);
      r = await api('POST', '/api/jobs', form);
    }
    job = await r.json();
    say('source-status', 'Job ' + job.id + ' created from ' + job.source + '.');
    await loadSchema();
    show('step-schema');
    show('step-config');
    $('schema').querySelector('select, input')?.focus();
  } catch (e) {
    say('source-status', e.message, true);
  } finally {
    $('upload').disabled = false;
  }
}

async function loadSchema() {
  schema = await (await api('GET', '/api/jobs/' + job.id + '/schema')).json();
  renderSchema();
}

function select(id, options, value, onChange, label) {
  const s = document.createElement('select');
  s.id = id;
  s.setAttribute('aria-label', label);
  options.forEach(o => s.append(new Option(o === '' ? '(auto)' : o, o)));
  s.value = value || '';
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

function renderSchema() {
  const box = $('schema');
  box.textContent = '';
  const fixed = job.source_kind === 'model';
  schema.tables.forEach((t, ti) => {
    const table = document.createElement('table');
    const cap = document.createElement('caption');
    cap.textContent = t.name + ' (' + (t.rowCount ?? '?') + ' rows) ';
    const mode = select('mode-' + t.name, MODES, t.mode, v => { if (v) t.mode = v; else delete t.mode; }, 'mode of table ' + t.name);
    mode.disabled = fixed;
    const ml = document.createElement('label');
    ml.htmlFor = mode.id; ml.textContent = 'mode';
    cap.append(ml, mode);
    table.append(cap);
    const head = document.createElement('tr');
    ['Column', 'Type', 'Kind', 'PII', 'Excluded'].forEach(h => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.append(th); });
    table.append(head);
    const fks = new Set((t.foreignKeys || []).flatMap(f => f.columns));
    t.columns.forEach(c => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = c.name;
      if ((t.primaryKey || []).includes(c.name)) name.append(badge('PK'));
      if (fks.has(c.name)) name.append(badge('FK'));
      const type = document.createElement('td');
      type.textContent = c.type;
      const kind = document.createElement('td');
      const ks = select('kind-' + t.name + '-' + c.name, KINDS, c.kind, v => { c.kind = v; }, 'kind of ' + t.name + '.' + c.name);
      const pii = document.createElement('td');
      const ps = select('pii-' + t.name + '-' + c.name, PII, c.pii, v => { c.pii = v || null; }, 'PII category of ' + t.name + '.' + c.name);
      const ex = document.createElement('td');
      const cb = document.createElement('input');
      cb.type = 'checkbox'; cb.id = 'excluded-' + t.name + '-' + c.name; cb.checked = !!c.excluded;
      cb.setAttribute('aria-label', 'exclude ' + t.name + '.' + c.name);
      cb.addEventListener('change', () => { c.excluded = cb.checked; });
      [ks, ps, cb].forEach(e => { e.disabled = fixed; });
      kind.append(ks); pii.append(ps); ex.append(cb);
      tr.append(name, type, kind, pii, ex);
      table.append(tr);
    });
    box.append(table);
  });
  $('save-schema').disabled = fixed;
  if (fixed) say('schema-status', 'A model file carries its schema; it cannot be edited.');
}

function badge(text) {
  const b = document.createElement('span');
  b.className = 'badge'; b.textContent = text;
  return b;
}

async function saveSchema() {
  try {
    const r = await api('PUT', '/api/jobs/' + job.id + '/schema', JSON.stringify(schema), { 'Content-Type': 'application/json' });
    schema = await r.json();
    renderSchema();
    say('schema-status', 'Schema saved; the job will use it.');
  } catch (e) {
    say('schema-status', e.message, true);
  }
}

async function generate() {
  const formats = [...document.querySelectorAll('#formats input:checked')].map(c => c.value);
  const options = { scale: $('scale').value, seed: $('seed').value, model: $('model').value, format: formats };
  if (Number($('holdout').value) > 0) options.holdout = $('holdout').value;
  $('generate').disabled = true;
  show('step-progress');
  try {
    await api('POST', '/api/jobs/' + job.id + '/start', options);
    say('job-state', 'Queued…');
    $('job-state').focus();
    await follow();
  } catch (e) {
    say('job-state', e.message, true);
    $('generate').disabled = false;
  }
}

// Server-sent events read through fetch, so that the key travels in a header.
async function follow() {
  const r = await api('GET', '/api/jobs/' + job.id + '/events', null, { 'Accept': 'text/event-stream' });
  const reader = r.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
      if (data) update(JSON.parse(data));
    }
  }
  if (!['succeeded', 'failed', 'cancelled'].includes(job.state)) {
    update(await (await api('GET', '/api/jobs/' + job.id)).json());
  }
}

function update(j) {
  job = j;
  const body = $('progress').querySelector('tbody');
  body.textContent = '';
  j.tables.forEach(t => {
    const tr = document.createElement('tr');
    const bar = document.createElement('progress');
    bar.max = t.expected > 0 ? t.expected : 1;
    bar.value = t.done ? bar.max : (t.expected > 0 ? Math.min(t.rows, t.expected) : 0);
    bar.setAttribute('aria-label', t.table + ' ' + t.phase);
    [t.table, t.phase + (t.done ? ' ✓' : ''), String(t.rows)].forEach(text => { const td = document.createElement('td'); td.textContent = text; tr.append(td); });
    const td = document.createElement('td'); td.append(bar); tr.append(td);
    tr.dataset.table = t.table;
    body.append(tr);
  });
  if (j.state === 'succeeded') {
    say('job-state', 'Succeeded: ' + j.rows_generated + ' rows generated from ' + j.rows_read + ' in ' + j.compute_seconds.toFixed(1) + ' s.');
    finished(j);
  } else if (j.state === 'failed' || j.state === 'cancelled') {
    say('job-state', j.state + ': ' + (j.error || ''), true);
    $('generate').disabled = false;
  } else {
    say('job-state', j.state + ' — ' + j.phase);
  }
}

async function finished(j) {
  if (j.links.report) {
    const html = await (await api('GET', j.links.report, null, { 'Accept': 'text/html' })).text();
    $('report').srcdoc = html;
    show('step-report');
  }
  const list = $('downloads');
  list.textContent = '';
  const files = Object.entries(j.links.files || {});
  if (j.links.model) files.push(['model file', j.links.model]);
  files.forEach(([name, link]) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = 'Download ' + name; b.id = 'download-' + name.replace(' ', '-');
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    b.addEventListener('click', () => download(link, status));
    li.append(b, ' ', status);
    list.append(li);
  });
  show('step-download');
}

async function download(link, status) {
  try {
    const r = await api('GET', link);
    const blob = await r.blob();
    const cd = r.headers.get('Content-Disposition') || '';
    const name = (cd.match(/filename="([^"]+)"/) || [])[1] || 'download';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.append(a); a.click(); a.remove();
    status.textContent = 'Downloaded ' + name + ' (' + blob.size + ' bytes)';
    status.className = 'ok';
  } catch (e) {
    status.textContent = e.message; status.className = 'error';
  }
}

$('key').value = sessionStorage.getItem('synth-key') || '';
$('key').addEventListener('change', () => sessionStorage.setItem('synth-key', key()));
document.querySelectorAll('input[name=source-kind]').forEach(r => r.addEventListener('change', () => {
  $('file-box').hidden = !$('kind-file').checked;
  $('jdbc-box').hidden = !$('kind-jdbc').checked;
}));
$('upload').addEventListener('click', readSource);
$('save-schema').addEventListener('click', saveSchema);
$('generate').addEventListener('click', generate);
$('job-state').tabIndex = -1;
loadServerInfo();
