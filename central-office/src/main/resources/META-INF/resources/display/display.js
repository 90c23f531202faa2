// Public price display. Plain JavaScript, no build step. Money arrives as decimal strings and integer minor units
// and is formatted from the string (Intl.NumberFormat accepts decimal strings exactly), never through arithmetic.
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: "Today's gold buying price", language: 'Language', updated: 'Last update',
      caption: 'What the central bank pays, in {currency}, after deductions', purity: 'Purity',
      perGram: 'per gram', perUnit: 'per {unit}', fine: 'Fine gold', perMille: '{n} per mille',
      simulated: 'SIMULATED - not a real price',
      basis: 'Spot {spot} USD per troy ounce x {fx} {currency} per USD, less discount {d} %, royalty {r} %, fees {f} %',
      SUSPENDED: 'Price suspended', SUSPENDED_body: 'The central bank has suspended the gold price. Do not use an earlier price.',
      STALE: 'Price out of date', STALE_body: 'The last official price is out of date and must not be used. A new price appears here as soon as it is published.',
      NO_PRICE: 'No price yet', NO_PRICE_body: 'No official gold price has been published yet.',
      reason: 'Reason: {reason}', offline: 'Connection to the central bank lost; trying again.'
    },
    fr: {
      title: "Prix d'achat de l'or aujourd'hui", language: 'Langue', updated: 'Dernière mise à jour',
      caption: 'Ce que paie la banque centrale, en {currency}, après déductions', purity: 'Titre',
      perGram: 'par gramme', perUnit: 'par {unit}', fine: 'Or fin', perMille: '{n} pour mille',
      simulated: 'SIMULÉ - ce n\u2019est pas un prix réel',
      basis: 'Cours {spot} USD l\u2019once troy x {fx} {currency} par USD, moins décote {d} %, redevance {r} %, frais {f} %',
      SUSPENDED: 'Prix suspendu', SUSPENDED_body: 'La banque centrale a suspendu le prix de l\u2019or. N\u2019utilisez pas un ancien prix.',
      STALE: 'Prix périmé', STALE_body: 'Le dernier prix officiel est périmé et ne doit pas être utilisé. Un nouveau prix s\u2019affichera dès sa publication.',
      NO_PRICE: 'Pas encore de prix', NO_PRICE_body: 'Aucun prix officiel de l\u2019or n\u2019a encore été publié.',
      reason: 'Motif : {reason}', offline: 'Connexion à la banque centrale perdue ; nouvel essai en cours.'
    },
    es: {
      title: 'Precio de compra del oro hoy', language: 'Idioma', updated: 'Última actualización',
      caption: 'Lo que paga el banco central, en {currency}, después de deducciones', purity: 'Ley',
      perGram: 'por gramo', perUnit: 'por {unit}', fine: 'Oro fino', perMille: '{n} por mil',
      simulated: 'SIMULADO - no es un precio real',
      basis: 'Cotización {spot} USD por onza troy x {fx} {currency} por USD, menos descuento {d} %, regalía {r} %, tarifas {f} %',
      SUSPENDED: 'Precio suspendido', SUSPENDED_body: 'El banco central ha suspendido el precio del oro. No use un precio anterior.',
      STALE: 'Precio desactualizado', STALE_body: 'El último precio oficial está desactualizado y no debe usarse. Un nuevo precio aparecerá aquí en cuanto se publique.',
      NO_PRICE: 'Aún no hay precio', NO_PRICE_body: 'Todavía no se ha publicado un precio oficial del oro.',
      reason: 'Motivo: {reason}', offline: 'Se perdió la conexión con el banco central; reintentando.'
    },
    sw: {
      title: 'Bei ya kununua dhahabu leo', language: 'Lugha', updated: 'Imesasishwa',
      caption: 'Kiasi benki kuu inacholipa, kwa {currency}, baada ya makato', purity: 'Usafi',
      perGram: 'kwa gramu', perUnit: 'kwa {unit}', fine: 'Dhahabu safi', perMille: '{n} kwa elfu',
      simulated: 'MAJARIBIO - si bei halisi (SIMULATED)',
      basis: 'Bei ya soko {spot} USD kwa wakia x {fx} {currency} kwa USD, ukiondoa punguzo {d} %, mrabaha {r} %, ada {f} %',
      SUSPENDED: 'Bei imesimamishwa', SUSPENDED_body: 'Benki kuu imesimamisha bei ya dhahabu. Usitumie bei ya zamani.',
      STALE: 'Bei imepitwa na wakati', STALE_body: 'Bei rasmi ya mwisho imepitwa na wakati na haipaswi kutumika. Bei mpya itaonekana hapa mara itakapotolewa.',
      NO_PRICE: 'Bado hakuna bei', NO_PRICE_body: 'Bado hakuna bei rasmi ya dhahabu iliyotolewa.',
      reason: 'Sababu: {reason}', offline: 'Mawasiliano na benki kuu yamekatika; inajaribu tena.'
    }
  };
  var LANGS = Object.keys(TEXT);
  var api = new URL('../api/display/', location.href);
  var view = null;          // the last view received from the centre
  var clockOffset = 0;      // server time minus this screen's time, in ms
  var online = true;
  var lang = pickLanguage();

  function pickLanguage() {
    var asked = new URLSearchParams(location.search).get('lang');
    return asked && TEXT[asked.toLowerCase()] ? asked.toLowerCase() : 'en';
  }

  function t(key, values) {
    var s = TEXT[lang][key] || TEXT.en[key] || key;
    Object.keys(values || {}).forEach(function (k) { s = s.split('{' + k + '}').join(values[k]); });
    return s;
  }

  function el(id) { return document.getElementById(id); }

  function money(amount, exponent) {
    return new Intl.NumberFormat(lang, { minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(amount);
  }

  function decimal(text) {
    var decimals = (text.split('.')[1] || '').length;
    return new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(text);
  }

  function time(iso, zone) {
    try {
      return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: 'short' }).format(new Date(iso));
    } catch (e) {
      return iso;
    }
  }

  // The screen decides on its own when a price ages out, on the centre's clock: a screen that lost its connection
  // must never keep showing an old price as current.
  function status(v) {
    if (v.status === 'ACTIVE' && v.currentUntil && Date.now() + clockOffset > Date.parse(v.currentUntil)) {
      return 'STALE';
    }
    return v.status;
  }

  var shown = null;          // what is on screen now, so that the live region changes only when the price does

  function render() {
    var state = view ? status(view) : 'LOADING';
    var key = [lang, state, view && view.sequence, online].join('|');
    if (key === shown) {
      return;
    }
    shown = key;
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(function (node) { node.textContent = t(node.dataset.text); });
    document.querySelector('nav').setAttribute('aria-label', t('language'));
    document.querySelectorAll('button[data-lang]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    });
    el('connection').textContent = online ? '' : t('offline');
    if (!view) {
      return;
    }
    el('simulated').hidden = !view.simulated;
    el('simulated').textContent = t('simulated');
    el('updated').textContent = view.publishedAt ? time(view.publishedAt, view.timeZone) : '-';
    if (view.publishedAt) {
      el('updated').setAttribute('datetime', view.publishedAt);
    }
    var current = state === 'ACTIVE';
    el('notice').hidden = current;
    el('prices').hidden = !current;
    el('basis').hidden = !current;
    document.body.dataset.status = state;
    if (!current) {
      el('rows').textContent = '';
      el('notice-title').textContent = t(state);
      el('notice-body').textContent = t(state + '_body');
      el('notice-reason').textContent = view.reason ? t('reason', { reason: view.reason }) : '';
      return;
    }
    renderTable();
  }

  function renderTable() {
    el('caption').textContent = t('caption', { currency: view.currency });
    var head = el('head');
    head.textContent = '';
    [t('purity'), t('perGram')].concat(view.units.map(function (u) {
      return t('perUnit', { unit: u.name + ' (' + decimal(u.grams) + ' g)' });
    })).forEach(function (label) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.appendChild(th);
    });
    var body = el('rows');
    body.textContent = '';
    view.rows.forEach(function (row) {
      var tr = document.createElement('tr');
      tr.dataset.purity = row.key;
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = row.key === 'fine' ? t('fine')
        : t('perMille', { n: row.perMille }) + (row.label ? ' (' + row.label + ')' : '');
      tr.appendChild(th);
      var perGram = document.createElement('td');
      perGram.className = 'amount';
      perGram.textContent = money(row.perGram.amount, view.currencyExponent) + ' ' + view.currency;
      tr.appendChild(perGram);
      row.perUnit.forEach(function (amount) {
        var td = document.createElement('td');
        td.className = 'unit-amount';
        td.textContent = money(amount.amount, view.currencyExponent);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var d = view.deductions;
    el('basis').textContent = t('basis', {
      spot: decimal(view.spotUsdPerTroyOunce), fx: decimal(view.fxLocalPerUsd), currency: view.currency,
      d: decimal(d.discountPercent), r: decimal(d.royaltyPercent), f: decimal(d.feesPercent)
    });
  }

  function accept(v) {
    // ignore an older tick arriving late (e.g. a poll answer overtaken by a pushed tick)
    if (view && v.sequence != null && view.sequence != null && v.sequence < view.sequence) {
      return;
    }
    view = v;
    clockOffset = Date.parse(v.serverTime) - Date.now();
    online = true;
    render();
  }

  function poll() {
    fetch(new URL('price', api), { cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(accept)
      .catch(function () { online = false; render(); });
  }

  function listen() {
    if (!window.EventSource) {
      return;
    }
    var source = new EventSource(new URL('stream', api));
    source.onmessage = function (e) { accept(JSON.parse(e.data)); };
    source.onerror = function () { online = false; render(); }; // EventSource reconnects by itself
  }

  document.querySelectorAll('button[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () {
      lang = b.dataset.lang;
      var url = new URL(location.href);
      url.searchParams.set('lang', lang);
      history.replaceState(null, '', url);
      render();
    });
  });

  render();
  poll();
  listen();
  setInterval(poll, 60000);   // a safety net beside the pushed updates
  setInterval(render, 1000);  // turns an aged-out price STALE on time
}());
