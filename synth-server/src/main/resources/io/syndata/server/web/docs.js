// Renders the OpenAPI document as plain HTML: every path, its operations, parameters, body and answers.
(async function () {
  const main = document.getElementById('api');
  const doc = await (await fetch('/api/openapi.json')).json();
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; };
  main.textContent = '';
  const intro = el('section');
  intro.append(el('h2', doc.info.title + ' ' + doc.info.version), el('p', doc.info.description));
  main.append(intro);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const s = el('section');
      s.append(el('h2', method.toUpperCase() + ' ' + path), el('p', op.summary));
      if (op.security && op.security.length === 0) s.append(el('p', 'No key needed.', 'ok'));
      if (op.parameters) {
        const ul = el('ul');
        op.parameters.forEach(p => ul.append(el('li', p.name + ' (' + p.in + '): ' + (p.description || p.schema.type) + (p.schema.enum ? ' — ' + p.schema.enum.join(', ') : ''))));
        s.append(el('h3', 'Parameters'), ul);
      }
      if (op.requestBody) {
        for (const [type, media] of Object.entries(op.requestBody.content)) {
          s.append(el('h3', 'Body: ' + type));
          const props = media.schema && media.schema.properties;
          if (props) {
            const t = el('table');
            const head = el('tr'); ['field', 'type', 'meaning'].forEach(h => head.append(el('th', h))); t.append(head);
            for (const [name, p] of Object.entries(props)) {
              const r = el('tr');
              r.append(el('td', name), el('td', (p.type || '') + (p.enum ? ': ' + p.enum.join(', ') : '')), el('td', p.description || (p.default !== undefined ? 'default ' + p.default : '')));
              t.append(r);
            }
            s.append(t);
          }
        }
      }
      const ul = el('ul');
      for (const [code, r] of Object.entries(op.responses)) {
        const desc = r.$ref ? 'refused: {"error", "detail"}' : r.description;
        ul.append(el('li', code + ' ' + desc));
      }
      s.append(el('h3', 'Answers'), ul);
      main.append(s);
    }
  }
})().catch(e => { document.getElementById('api').textContent = 'Cannot load the API document: ' + e; });
