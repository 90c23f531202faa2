// The counter page: plain JavaScript over the station's REST API. Credentials stay in this tab's session storage
// and go with each request as HTTP basic auth (the API's own mechanism); nothing is computed here that the server
// does not compute and check itself: the page shows, the station decides.
'use strict';

const state = { auth: sessionStorage.getItem('station.auth'), user: null, seller: null, lot: null, lockTimer: null };
const $ = (id) => document.getElementById(id);

// ---- talking to the station -----------------------------------------------------------------------------------
async function api(path, options = {}, auth = state.auth) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (auth) headers['Authorization'] = 'Basic ' + auth;
  // tells the station not to send a basic-auth challenge, which would open the browser's own login prompt
  headers['X-Requested-With'] = 'fetch';
  if (options.body && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const message = body && body.message ? body.message
      : response.status === 401 ? 'Wrong username or password.'
      : response.status === 403 ? 'You are not allowed to do that.'
      : (body && body.violations ? body.violations.map(v => v.message).join('; ') : 'The station refused: HTTP ' + response.status);
    const error = new Error(message);
    error.code = body && body.code;
    throw error;
  }
  return body;
}

function show(message, kind = 'error') {
  const box = $('message');
  box.textContent = message;
  box.className = 'message' + (kind === 'info' ? ' info' : '');
  box.hidden = !message;
}

// ---- formatting (integers and decimal strings only: never a binary float for money or mass) -------------------
function money(minor, exponent, currency) {
  const negative = minor < 0;
  let digits = String(Math.abs(minor));
  let fraction = '';
  if (exponent > 0) {
    digits = digits.padStart(exponent + 1, '0');
    fraction = '.' + digits.slice(-exponent);
    digits = digits.slice(0, -exponent);
  }
  return (negative ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + fraction + ' ' + currency;
}

// ---- login -------------------------------------------------------------------------------------------------------
async function logIn(username, password) {
  const auth = btoa(unescape(encodeURIComponent(username + ':' + password)));
  const me = await api('/api/me', {}, auth);
  state.auth = auth;
  state.user = me;
  sessionStorage.setItem('station.auth', auth);
  enterCounter();
}

function enterCounter() {
  $('login').hidden = true;
  $('counter').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = state.user.username + (state.user.roles.includes('supervisor') ? ' (supervisor)' : ' (clerk)');
  show('');
  refreshStatus().then(refreshShift);
  loadBalance();
  followEvents();
  setInterval(refreshStatus, 5000);
  setInterval(pollWeight, 500);
}

// ---- station, price and device status ----------------------------------------------------------------------------
// ---- shift and cash drawer ----------------------------------------------------------------------------------------
async function refreshShift() {
  try {
    const shift = await api('/api/shifts/current');
    $('shift-status').textContent = 'Shift ' + shift.status.toLowerCase() + ' since '
      + new Date(shift.openedAt).toLocaleTimeString() + ' \u00b7 cash in the drawer '
      + money(shift.drawerMinor, state.exponent || 0, shift.currency) + ' \u00b7 gold bought ' + shift.goldBoughtGrams + ' g';
    $('shift-form').hidden = true;
  } catch (e) {
    $('shift-status').textContent = 'No open shift: open one with the float you counted into the drawer before paying cash.';
    $('shift-form').hidden = false;
  }
}

// Major units typed by the clerk (e.g. "500000" or "1500.50") to integer minor units, by string: never a float.
function toMinor(text, exponent) {
  if (!/^\d{1,15}(\.\d+)?$/.test(text)) throw new Error('Enter the float as a number, e.g. 50000000');
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > exponent) throw new Error('At most ' + exponent + ' decimals in ' + (state.currency || 'this currency'));
  return Number(whole + fraction.padEnd(exponent, '0'));
}

async function openShift() {
  if (!state.currency) throw new Error('No official price yet, so the drawer\u2019s currency is unknown.');
  await api('/api/shifts', { method: 'POST',
    body: { floatMinor: toMinor($('shift-float').value.trim(), state.exponent || 0), currency: state.currency } });
  $('shift-float').value = '';
  await refreshShift();
  show('Shift opened.', 'info');
}

async function refreshStatus() {
  try {
    const price = await api('/api/price');
    if (price.currency) {
      state.currency = price.currency;
      state.exponent = price.currencyExponent || 0;
    }
    const badge = $('price-status');
    if (price.quotable) {
      badge.textContent = 'Price ' + price.spotUsdPerTroyOunce + ' USD/ozt (tick ' + price.sequence + ')'
        + (price.simulated ? ' SIMULATED' : '');
      badge.className = 'badge ok';
    } else {
      badge.textContent = 'No quotes: ' + price.reason;
      badge.className = 'badge bad';
    }
    const status = await api('/api/status');
    $('station-name').textContent = 'Station ' + status.stationId + ' \u00b7 ' + status.region;
    const xrf = await api('/api/counter/xrf');
    $('xrf-status').textContent = 'XRF analyser: ' + xrf.state;
    $('backlog').textContent = status.outboxBacklog === 0 ? 'All purchases sent to the centre'
      : status.outboxBacklog + ' purchase(s) waiting for the link to the centre';
  } catch (e) {
    $('price-status').textContent = 'Station not reachable';
    $('price-status').className = 'badge bad';
  }
}

async function loadBalance() {
  try {
    const b = await api('/api/balance');
    const daysLeft = Math.floor((Date.parse(b.verificationExpiry) - Date.now()) / 86400000);
    let text = b.deviceId + ' \u00b7 class ' + b.accuracyClass + ' \u00b7 Max ' + b.maxGrams + ' g \u00b7 Min '
      + b.minGrams + ' g \u00b7 e = ' + b.verificationIntervalGrams + ' g \u00b7 certificate ' + b.certificateNumber;
    if (daysLeft < 0) text += ' \u00b7 VERIFICATION EXPIRED';
    else if (daysLeft <= 30) text += ' \u00b7 verification expires in ' + daysLeft + ' days';
    $('device-status').textContent = text;
  } catch (e) {
    $('device-status').textContent = e.message;
  }
}

async function pollWeight() {
  if ($('counter').hidden || document.hidden) return;
  try {
    const live = await api('/api/balance/live');
    $('live-weight').textContent = live.grams + ' g';
    $('stability').textContent = live.stable ? 'Stable' : 'Unstable';
    $('stability').className = 'badge ' + (live.stable ? 'ok' : 'warn');
  } catch (e) {
    $('live-weight').textContent = '\u2013';
    $('stability').textContent = e.message;
    $('stability').className = 'badge bad';
  }
}

// ---- seller ------------------------------------------------------------------------------------------------------
async function findSeller(document_) {
  const query = /^[0-9A-Za-z-]+$/.test(document_) ? 'nationalId=' : 'licenceNumber=';
  let seller;
  try {
    seller = await api('/api/sellers?' + query + encodeURIComponent(document_));
  } catch (e) {
    if (query === 'nationalId=') seller = await api('/api/sellers?licenceNumber=' + encodeURIComponent(document_));
    else throw e;
  }
  state.seller = seller;
  const details = $('seller-details');
  details.textContent = seller.name + ' \u00b7 ' + seller.type + ' \u00b7 ' + seller.status
    + (seller.statusReason ? ' (' + seller.statusReason + ')' : '')
    + (seller.licenceExpiry ? ' \u00b7 licence to ' + seller.licenceExpiry : '');
  const select = $('site');
  select.innerHTML = '';
  for (const site of seller.sites) {
    const option = document.createElement('option');
    option.value = site.id;
    option.textContent = site.name + ' (' + site.latitude + ', ' + site.longitude + ')';
    select.appendChild(option);
  }
  select.disabled = seller.sites.length === 0;
  if (seller.sites.length === 0) show('This seller has no declared mine site: declare one before buying.');
}

async function registerSeller() {
  const value = (id) => $(id).value.trim() || null;
  const seller = await api('/api/sellers', { method: 'POST', body: {
    type: $('reg-type').value, name: value('reg-name'), nationalId: value('reg-national-id'),
    licenceNumber: value('reg-licence'), licenceExpiry: value('reg-licence-expiry'), mobileMoneyNumber: value('reg-mobile'),
    site: { name: value('reg-site'), latitude: value('reg-lat'), longitude: value('reg-lon') } } });
  $('register-form').reset();
  $('new-seller').open = false;
  $('seller-document').value = seller.nationalId || seller.licenceNumber;
  await findSeller($('seller-document').value);
  show('Registered ' + seller.name + '.', 'info');
}

// ---- quote, approval, payment, receipt ---------------------------------------------------------------------------
async function weighAndQuote() {
  if (!state.seller) throw new Error('Find the seller first.');
  const fineness = $('fineness').value.trim();
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(fineness)) throw new Error('Enter the fineness in per mille, e.g. 915.0');
  $('quote-button').disabled = true;
  try {
    const lot = await api('/api/lots', { method: 'POST',
      body: { sellerId: state.seller.id, mineSiteId: $('site').value, finenessPerMille: fineness } });
    render(lot);
    show('');
  } finally {
    $('quote-button').disabled = false;
  }
}

// ---- XRF path: weigh, then the analyser's shots arrive on the live stream and the quote follows at once ------------
async function weighThenXrf() {
  if (!state.seller) throw new Error('Find the seller first.');
  $('xrf-button').disabled = true;
  try {
    const lot = await api('/api/lots/xrf', { method: 'POST',
      body: { sellerId: state.seller.id, mineSiteId: $('site').value } });
    render(lot);
    show('');
  } finally {
    $('xrf-button').disabled = false;
  }
}

// The station pushes lot changes as server-sent events. EventSource cannot send the basic-auth header, so the stream
// is read with fetch; it reconnects after a pause when the station restarts or the network drops.
async function followEvents() {
  while (state.auth) {
    try {
      const response = await fetch('/api/counter/events',
        { headers: { 'Accept': 'text/event-stream', 'Authorization': 'Basic ' + state.auth,
          'X-Requested-With': 'fetch' } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, end).replace(/\r$/, '');
          buffer = buffer.slice(end + 1);
          if (line.startsWith('data:')) onEvent(JSON.parse(line.slice(5)));
        }
      }
    } catch (e) {
      // fall through to the pause; the page keeps working through the API meanwhile
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function onEvent(event) {
  const current = state.lot;
  if (event.type === 'CONNECTED') {
    // events sent while the stream was down are not replayed: read the lot shown once more
    if (current && current.status !== 'PAID') api('/api/lots/' + current.id).then(render).catch(() => {});
  } else if (event.type === 'XRF_PROBLEM') {
    show(event.message);
  } else if (event.lot && current && event.lot.id === current.id && current.status !== 'PAID') {
    render(event.lot);
  }
}

/** Shows a lot in whatever state it is: the assay (shots, flags, density) and, once there is one, the quote. */
function render(lot) {
  state.lot = lot;
  renderAssay(lot);
  if (lot.quote) {
    showQuote(lot);
  } else {
    clearInterval(state.lockTimer);
    $('quote').hidden = true;
    $('no-quote').hidden = false;
    $('no-quote').textContent = lot.status === 'ASSAYING' ? 'The quote follows the assay.' : 'No quote yet.';
  }
  // keep what changed on screen: on a 1366x768 counter the assay card can sit below the fold
  const changed = lot.quote ? $('quote') : $('assay-lot');
  if (!changed.hidden) changed.scrollIntoView({ block: 'nearest' });
}

function renderAssay(lot) {
  const a = lot.assay;
  const xrf = a.shots.length > 0 || lot.status === 'ASSAYING' || Object.keys(a.composition).length > 0;
  $('assay-lot').hidden = !xrf;
  if (!xrf) return;
  $('assay-note').textContent = a.note
    || (lot.finenessPerMille ? 'Fineness ' + lot.finenessPerMille + ' \u2030 (' + lot.assayMethod + ')' : '');
  const flags = $('assay-flags');
  flags.innerHTML = '';
  for (const f of a.flags) {
    const li = document.createElement('li');
    li.textContent = f.clerkMessage + ' ' + f.reason;
    flags.appendChild(li);
  }
  flags.hidden = a.flags.length === 0;
  $('release-button').hidden = !(lot.status === 'ASSAYING' && a.flags.length > 0 && !a.releasedBy);
  const body = $('xrf-shots');
  body.innerHTML = '';
  for (const shot of a.shots) {
    const tr = document.createElement('tr');
    if (shot.discarded) tr.className = 'discarded';
    const values = Object.entries(shot.readings).map(([symbol, r]) => r.belowDetection ? symbol + ' <LOD'
      : symbol + ' ' + r.percent + (r.sigma ? ' \u00b1 ' + r.sigma : '')).join(' \u00b7 ');
    for (const text of [shot.shotId, values, shot.source.toLowerCase().replace('_', ' ')
        + (shot.enteredBy ? ' by ' + shot.enteredBy : '')]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const composition = Object.entries(a.composition).map(([s, p]) => s + ' ' + p).join(' \u00b7 ');
  $('composition').textContent = composition ? 'Mean of the shots (%): ' + composition
    + (lot.finenessPerMille ? ' \u2192 ' + lot.finenessPerMille + ' \u2030' : '') : '';
  const d = a.density;
  $('density-form').hidden = !composition || !!d || !(lot.status === 'ASSAYING' || lot.status === 'QUOTED');
  const result = $('density-result');
  if (d) {
    result.textContent = 'Density ' + d.measured + ' g/cm\u00b3 (in air ' + d.gramsInAir + ' g, in water '
      + d.gramsInWater + ' g at ' + d.waterCelsius + ' \u00b0C); the composition implies ' + d.expected
      + ' g/cm\u00b3: ' + (d.mismatch ? 'MISMATCH, ' + d.mismatch + '. Call the supervisor.' : 'matches.');
    result.className = d.mismatch ? 'mismatch' : '';
  } else {
    result.textContent = '';
  }
}

async function densityTest() {
  const water = $('density-water').value.trim();
  const celsius = $('density-celsius').value.trim();
  if (!/^\d{1,6}(\.\d{1,4})?$/.test(water)) throw new Error('Enter the weight in water in grams, e.g. 9.44');
  if (!/^\d{1,2}(\.\d)?$/.test(celsius)) throw new Error('Enter the water temperature in \u00b0C, e.g. 20');
  render(await api('/api/lots/' + state.lot.id + '/density', { method: 'POST',
    body: { gramsInWater: water, waterCelsius: celsius } }));
}

function showQuote(lot) {
  state.lot = lot;
  const q = lot.quote;
  const m = (minor) => money(minor, q.currencyExponent, q.currency);
  const rows = [
    ['Gross weight', lot.weighing.grossGrams + ' g'],
    ['Fineness (' + lot.assayMethod.toLowerCase() + ')', lot.finenessPerMille + ' \u2030'],
    ['Fine gold', q.fineGrams + ' g'],
    ['Spot', q.spotUsdPerTroyOunce + ' USD/ozt = ' + q.spotUsdPerGram + ' USD/g'],
    ['Exchange rate', q.fxLocalPerUsd + ' ' + q.currency + '/USD'],
    ['Per fine gram', q.localPerFineGram + ' ' + q.currency],
    ['Gross value', m(q.grossValueMinor)],
    ['Discount', '- ' + m(q.discountMinor)],
    ['Royalty / withholding', '- ' + m(q.royaltyMinor)],
    ['Fees', '- ' + m(q.feesMinor)],
    ['Net payable', m(q.netPayableMinor), 'total'],
    ['Paid now (advance)', m(q.advanceMinor)],
    ['Retention (after refinery assay)', m(q.retentionMinor)],
  ];
  const body = $('quote-terms');
  body.innerHTML = '';
  for (const [label, value, cls] of rows) {
    const tr = document.createElement('tr');
    if (cls) tr.className = cls;
    const a = document.createElement('td');
    a.textContent = label;
    const b = document.createElement('td');
    b.textContent = value;
    if (cls) b.id = 'net-payable';
    tr.append(a, b);
    body.appendChild(tr);
  }
  $('no-quote').hidden = true;
  $('quote').hidden = false;
  const needs = lot.approval.reasons.length > 0 && !lot.approval.approvedBy;
  $('approval-needed').hidden = !needs;
  $('approval-needed').textContent = needs ? 'Needs a supervisor\u2019s approval: ' + lot.approval.reasons.join(', ') : '';
  $('approve-button').hidden = !needs;
  $('pay-button').disabled = needs;
  clearInterval(state.lockTimer);
  state.lockTimer = setInterval(() => countdown(lot), 1000);
  countdown(lot);
}

function countdown(lot) {
  const left = Math.max(0, Math.round((Date.parse(lot.quote.lockedUntil) - Date.now()) / 1000));
  $('lock-countdown').textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  if (left === 0) {
    clearInterval(state.lockTimer);
    $('pay-button').disabled = true;
    $('requote-button').hidden = false;
    show('The quote expired: quote it again at the price held now (the weighing and assay are kept).');
  }
}

async function requote() {
  const lot = await api('/api/lots/' + state.lot.id + '/requote', { method: 'POST' });
  $('requote-button').hidden = true;
  render(lot);
  show('Quoted again against tick ' + lot.quote.tickSequence + '.', 'info');
}

async function approve(username, password) {
  const auth = btoa(unescape(encodeURIComponent(username + ':' + password)));
  const held = state.lot.status === 'ASSAYING';
  const lot = await api('/api/lots/' + state.lot.id + '/approval', { method: 'POST' }, auth);
  render(lot);
  show(held ? 'Assay released by ' + lot.assay.releasedBy + '.' : 'Approved by ' + lot.approval.approvedBy + '.', 'info');
}

async function pay() {
  $('pay-button').disabled = true;
  try {
    const lot = await api('/api/lots/' + state.lot.id + '/payment', { method: 'POST', body: { method: 'CASH' } });
    clearInterval(state.lockTimer);
    state.lot = lot;
    $('receipt-code').textContent = lot.verificationCode;
    $('receipt-card').hidden = false;
    $('receipt-frame').srcdoc = await api('/api/lots/' + lot.id + '/receipt', { headers: { 'Accept': 'text/html' } });
    refreshShift();
    show('Paid: ' + money(lot.quote.advanceMinor, lot.quote.currencyExponent, lot.quote.currency)
      + ' in cash now. Purchase no. ' + lot.stationSequence + '.', 'info');
    $('quote').hidden = true;
    $('no-quote').hidden = false;
    $('no-quote').textContent = 'Lot paid.';
    $('density-form').hidden = true;
  } catch (e) {
    $('pay-button').disabled = false;
    if (e.code === 'REQUOTE_NEEDED') $('requote-button').hidden = false;
    throw e;
  }
}

function nextLot() {
  state.lot = null;
  $('receipt-card').hidden = true;
  $('no-quote').textContent = 'No quote yet.';
  $('fineness').value = '';
  $('density-water').value = '';
  $('assay-lot').hidden = true;
  show('');
}

// ---- wiring ------------------------------------------------------------------------------------------------------
function guarded(action) {
  return async (event) => {
    if (event) event.preventDefault();
    try {
      await action(event);
    } catch (e) {
      show(e.message);
    }
  };
}

$('shift-form').addEventListener('submit', guarded(openShift));
$('register-form').addEventListener('submit', guarded(registerSeller));
$('requote-button').addEventListener('click', guarded(requote));
$('login-form').addEventListener('submit', guarded(() => logIn($('username').value.trim(), $('password').value)));
$('seller-form').addEventListener('submit', guarded(() => findSeller($('seller-document').value.trim())));
$('quote-button').addEventListener('click', guarded(weighAndQuote));
$('xrf-button').addEventListener('click', guarded(weighThenXrf));
$('density-form').addEventListener('submit', guarded(densityTest));
$('pay-button').addEventListener('click', guarded(pay));
$('print-button').addEventListener('click', () => $('receipt-frame').contentWindow.print());
$('next-lot').addEventListener('click', nextLot);
$('approve-button').addEventListener('click', () => {
  $('approval-reasons').textContent = state.lot.approval.reasons.join(', ');
  $('approval-dialog').showModal();
});
$('release-button').addEventListener('click', () => {
  $('approval-reasons').textContent = 'Release the flagged assay: '
    + state.lot.assay.flags.map((f) => f.reason).join('; ');
  $('approval-dialog').showModal();
});
$('approval-cancel').addEventListener('click', () => $('approval-dialog').close());
$('approval-form').addEventListener('submit', guarded(async () => {
  const username = $('supervisor-username').value.trim();
  const password = $('supervisor-password').value;
  // nothing of the supervisor's stays in the form once the dialog closes
  $('supervisor-username').value = '';
  $('supervisor-password').value = '';
  $('approval-dialog').close();
  await approve(username, password);
}));
$('logout').addEventListener('click', () => { sessionStorage.removeItem('station.auth'); location.reload(); });

if (state.auth) {
  api('/api/me').then((me) => { state.user = me; enterCounter(); })
    .catch(() => sessionStorage.removeItem('station.auth'));
}
