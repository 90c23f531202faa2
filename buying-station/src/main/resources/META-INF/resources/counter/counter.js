// The counter page: plain JavaScript over the station's REST API. Logging in starts a session the station holds; its
// cookie is HttpOnly, so this page never holds a password or a token. Nothing is computed here that the server
// does not compute and check itself: the page shows, the station decides.
'use strict';

const state = { loggedIn: false, user: null, seller: null, lot: null, lockTimer: null,
  shift: null, payment: null, pollTimer: null, supervisorAction: null };
const $ = (id) => document.getElementById(id);

// ---- talking to the station -----------------------------------------------------------------------------------
// The station ends a session after 30 minutes without the clerk's own activity: requests made while nobody has
// touched the page for a while (polls, refreshes) say so, and do not keep the session open.
let lastActivity = Date.now();
for (const kind of ['keydown', 'pointerdown']) {
  document.addEventListener(kind, () => { lastActivity = Date.now(); }, { capture: true, passive: true });
}
const background = () => Date.now() - lastActivity > 10000;

async function api(path, options = {}, auth = null) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (background()) headers['X-Background'] = '1';
  // a supervisor's signature typed into the approval dialog: sent with this one request, kept nowhere
  if (auth) headers['Authorization'] = 'Basic ' + auth;
  // marks the page's own requests: the session cookie authorises a change only with it (another site cannot send
  // it), and the station sends no basic-auth challenge, which would open the browser's own login prompt
  headers['X-Requested-With'] = 'fetch';
  if (options.body && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401 && state.loggedIn && !auth) sessionEnded();
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const message = body && body.message ? body.message
      : response.status === 401 ? 'Wrong username or password.'
      : response.status === 403 ? 'You are not allowed to do that.'
      : (body && body.violations ? body.violations.map(violation).join('; ') : 'The station refused: HTTP ' + response.status);
    const error = new Error(message);
    error.code = body && body.code;
    error.status = response.status;
    throw error;
  }
  return body;
}

// A refused field as the clerk reads it: "latitude: must be less than or equal to 90" (the field, not its Java path).
function violation(v) {
  const field = (v.field || '').split('.').pop();
  return field ? field + ': ' + v.message : v.message;
}

function show(message, kind = 'error') {
  const box = $('message');
  box.textContent = message;
  box.className = 'message' + (kind === 'info' ? ' info' : '');
  box.hidden = !message;
}

/** A message next to the action it is about (an element with class inline-message). */
function say(id, message, kind = 'error') {
  const box = $(id);
  box.textContent = message;
  box.className = 'inline-message' + (kind === 'info' ? ' info' : '');
  box.hidden = !message;
  // on a 1366x768 counter the action can sit below the fold: keep its answer on screen
  if (message) box.scrollIntoView({ block: 'nearest' });
}

/** A button whose request is running: disabled, with a spinner and "Sending…", until it ends. */
function busy(button, running) {
  if (running) {
    button.dataset.label = button.textContent;
    button.textContent = 'Sending\u2026';
    button.classList.add('busy');
    button.disabled = true;
  } else {
    if (button.dataset.label) button.textContent = button.dataset.label;
    delete button.dataset.label;
    button.classList.remove('busy');
    button.disabled = false;
  }
}

/**
 * Wires a button (or the button of a form) to a request: busy while it runs, the station's refusal shown near the
 * action in {@code where}; {@code after} sets the controls from the state once the request has ended.
 */
function sending(button, where, action, after) {
  return async (event) => {
    if (event) event.preventDefault();
    if (button.disabled) return;
    busy(button, true);
    say(where, '');
    try {
      await action(event);
    } catch (e) {
      say(where, e.message);
    } finally {
      busy(button, false);
      if (after) after();
    }
  };
}

const isSupervisor = () => !!state.user && state.user.roles.includes('supervisor');

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
  state.user = await api('/api/session', { method: 'POST', body: { username, password } });
  enterCounter();
}

/** Back to the login form, saying why: the station no longer knows this session. */
function sessionEnded() {
  state.loggedIn = false;
  location.replace(location.pathname + '?session-ended');
}

function enterCounter() {
  state.loggedIn = true;
  $('login').hidden = true;
  $('counter').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = state.user.username + (state.user.roles.includes('supervisor') ? ' (supervisor)' : ' (clerk)');
  show('');
  $('supervisor-tools').hidden = !isSupervisor();
  $('reversal-card').hidden = !isSupervisor();
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
    state.shift = shift;
    $('shift-status').textContent = 'Shift ' + shift.status.toLowerCase() + ' \u00b7 opened '
      + new Date(shift.openedAt).toLocaleTimeString() + ' \u00b7 cash in the drawer '
      + money(shift.drawerMinor, state.exponent || 0, shift.currency) + ' \u00b7 gold bought ' + shift.goldBoughtGrams + ' g';
    $('shift-form').hidden = true;
    $('close-shift-button').hidden = shift.status !== 'OPEN';
    if (shift.count) showCount(shift);
  } catch (e) {
    state.shift = null;
    $('shift-status').textContent = 'No open shift: open one with the float you counted into the drawer before paying cash.';
    $('shift-form').hidden = false;
    $('close-shift-button').hidden = true;
  }
}

// Closing a shift: the clerk counts cash and gold, the station sets its own figures beside them, and a supervisor
// who is not the shift's clerk signs the count off (the station refuses the same person, with the reason).
function startCount() {
  $('shift-close').hidden = false;
  $('count-form').hidden = false;
  $('count-result').hidden = true;
  $('sign-off-button').hidden = true;
  for (const el of document.querySelectorAll('.currency-name')) el.textContent = state.shift.currency;
  say('shift-message', '');
  $('count-cash').focus();
}

async function countShift() {
  const cash = toMinor($('count-cash').value.trim(), state.exponent || 0,
    'Enter the cash counted in the drawer as a number, e.g. 49990000');
  const gold = $('count-gold').value.trim();
  if (!/^\d{1,7}(\.\d{1,4})?$/.test(gold)) {
    throw new Error('Enter the gold counted in grams, at most 4 decimals, e.g. 12.34 (0 when there is none).');
  }
  const shift = await api('/api/shifts/current/count', { method: 'POST',
    body: { countedCashMinor: cash, countedGoldGrams: gold } });
  $('count-form').reset();
  showCount(shift);
  await refreshShift();
}

function showCount(shift) {
  state.shift = shift;
  const c = shift.count;
  const m = (minor) => money(minor, state.exponent || 0, shift.currency);
  const signed = (text, negative, zero) => (negative || zero ? '' : '+') + text;
  const rows = [
    ['Cash', m(c.expectedCashMinor), m(c.countedCashMinor),
      signed(m(c.cashDifferenceMinor), c.cashDifferenceMinor < 0, c.cashDifferenceMinor === 0)],
    ['Gold', c.expectedGoldGrams + ' g', c.countedGoldGrams + ' g',
      signed(c.goldDifferenceGrams + ' g', c.goldDifferenceGrams.startsWith('-'), /^0(\.0*)?$/.test(c.goldDifferenceGrams))],
  ];
  const body = $('count-rows');
  body.innerHTML = '';
  for (const [what, expected, counted, difference] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = what;
    tr.appendChild(th);
    for (const text of [expected, counted, difference]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    }
    if (difference.startsWith('-')) tr.className = 'short';
    body.appendChild(tr);
  }
  $('shift-close').hidden = false;
  $('count-form').hidden = true;
  $('count-result').hidden = false;
  $('sign-off-button').hidden = shift.status !== 'COUNTED';
}

async function signOff(auth) {
  const button = $('sign-off-button');
  busy(button, true);
  try {
    const shift = await api('/api/shifts/' + state.shift.id + '/sign-off', { method: 'POST' }, auth);
    showCount(shift);
    say('shift-message', 'Shift closed: the count was signed off by ' + shift.signedOffBy + '.', 'info');
    await refreshShift();
  } finally {
    busy(button, false);
    button.hidden = !state.shift || state.shift.status !== 'COUNTED';
  }
}

// Major units typed by the clerk (e.g. "500000" or "1500.50") to integer minor units, by string: never a float.
function toMinor(text, exponent, hint = 'Enter the float as a number, e.g. 50000000') {
  if (!/^\d{1,15}(\.\d+)?$/.test(text)) throw new Error(hint);
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > exponent) throw new Error('At most ' + exponent + ' decimals in ' + (state.currency || 'this currency'));
  return Number(whole + fraction.padEnd(exponent, '0'));
}

async function openShift() {
  if (!state.currency) throw new Error('No official price yet, so the drawer\u2019s currency is unknown.');
  await api('/api/shifts', { method: 'POST',
    body: { floatMinor: toMinor($('shift-float').value.trim(), state.exponent || 0), currency: state.currency } });
  $('shift-float').value = '';
  $('shift-close').hidden = true;
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
    // price messages not signed by the central bank: someone writes prices to the station's topic, or the centre's
    // key changed without this station's configuration; the counter keeps the last genuine price
    const alert = $('tick-alert');
    if (price.refusedTicks > 0 && price.lastRefusal) {
      alert.textContent = price.refusedTicks + ' price message(s) refused since the station started, the last at '
        + new Date(price.lastRefusal.at).toLocaleTimeString() + ': ' + price.lastRefusal.reason
        + '. Prices here come only from ticks the central bank signed. Tell your supervisor.';
      alert.hidden = false;
    } else {
      alert.hidden = true;
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
  showSeller(seller);
  if (seller.sites.length === 0) show('This seller has no declared mine site: declare one before buying.');
}

function showSeller(seller) {
  const chosen = $('site').value;
  state.seller = seller;
  const details = $('seller-details');
  // the national register's standing is the centre's: a block there holds here, whatever this station decided
  const nationallyBlocked = seller.nationalStatus === 'BLOCKED';
  details.textContent = seller.name + ' \u00b7 ' + seller.type + ' \u00b7 ' + seller.status
    + (seller.statusReason ? ' (' + seller.statusReason + ')' : '')
    + (nationallyBlocked ? ' \u00b7 blocked by the national register: ' + seller.nationalStatusReason : '')
    + (seller.origin === 'NATIONAL_REGISTER' ? ' \u00b7 registered at another station' : '')
    + (seller.licenceExpiry ? ' \u00b7 licence to ' + seller.licenceExpiry : '');
  details.className = seller.status === 'BLOCKED' || nationallyBlocked ? 'mismatch' : '';
  const select = $('site');
  select.innerHTML = '';
  for (const site of seller.sites) {
    const option = document.createElement('option');
    option.value = site.id;
    option.textContent = site.name + ' (' + site.latitude + ', ' + site.longitude + ')'
      + (site.licenceArea ? ' \u00b7 ' + site.licenceArea : '');
    select.appendChild(option);
  }
  if (seller.sites.some((site) => site.id === chosen)) select.value = chosen;
  select.disabled = seller.sites.length === 0;
  $('new-site').hidden = false;
  $('seller-standing').hidden = !isSupervisor();
  if (seller.status === 'BLOCKED') $('seller-standing').open = true;
  $('block-button').hidden = seller.status === 'BLOCKED';
  $('unblock-button').hidden = seller.status !== 'BLOCKED';
  renderPayMethod();
}

async function declareSite() {
  const value = (id) => $(id).value.trim() || null;
  for (const id of ['site-lat', 'site-lon']) {
    if (!/^-?\d{1,3}(\.\d{1,6})?$/.test($(id).value.trim())) {
      throw new Error('Enter latitude and longitude in decimal degrees (up to 6 decimals), e.g. 0.4447 and 31.8167.');
    }
  }
  const known = new Set(state.seller.sites.map((site) => site.id));
  const seller = await api('/api/sellers/' + state.seller.id + '/sites', { method: 'POST', body: {
    name: value('site-name'), latitude: value('site-lat'), longitude: value('site-lon'), licenceArea: value('site-area') } });
  const added = seller.sites.find((site) => !known.has(site.id));
  showSeller(seller);
  if (added) $('site').value = added.id;
  $('site-form').reset();
  $('new-site').open = false;
  show('Declared mine site ' + (added ? added.name : '') + ' for ' + seller.name + '; it is chosen for this lot.', 'info');
}

/** A supervisor blocks or unblocks the seller shown, with the reason; the station keeps it with the seller. */
async function changeStanding(action) {
  const reason = $('standing-reason').value.trim();
  if (!reason) throw new Error('Give the reason to ' + action + ' the seller: it is kept on record.');
  const seller = await api('/api/sellers/' + state.seller.id + '/' + action, { method: 'POST', body: { reason } });
  $('standing-reason').value = '';
  showSeller(seller);
  say('standing-message', action === 'block' ? seller.name + ' is blocked: no purchase until a supervisor unblocks.'
    : seller.name + ' is unblocked.', 'info');
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
/** The lot request: seller and site, and the typed weight when the clerk opened that override and filled it in. */
function lotRequest(extra) {
  const body = Object.assign({ sellerId: state.seller.id, mineSiteId: $('site').value }, extra);
  const grams = $('typed-grams').value.trim();
  const reason = $('typed-reason').value.trim();
  if ($('typed-weight').open && (grams || reason)) {
    if (!/^\d{1,6}(\.\d{1,2})?$/.test(grams)) throw new Error('Type the weight in grams with at most two decimals, e.g. 12.34');
    if (reason.length < 10) throw new Error('Say why the balance was not used (10 characters or more).');
    body.typedWeight = { grossGrams: grams, reason: reason };
  }
  return body;
}

function clearTypedWeight() {
  $('typed-grams').value = '';
  $('typed-reason').value = '';
  $('typed-weight').open = false;
}

async function weighAndQuote() {
  if (!state.seller) throw new Error('Find the seller first.');
  const fineness = $('fineness').value.trim();
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(fineness)) throw new Error('Enter the fineness in per mille, e.g. 915.0');
  $('quote-button').disabled = true;
  try {
    const lot = await api('/api/lots', { method: 'POST', body: lotRequest({ finenessPerMille: fineness }) });
    clearTypedWeight();
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
    const lot = await api('/api/lots/xrf', { method: 'POST', body: lotRequest({}) });
    clearTypedWeight();
    render(lot);
    show('');
  } finally {
    $('xrf-button').disabled = false;
  }
}

// The station pushes lot changes as server-sent events, read with fetch (so that a refusal is seen as such); it
// reconnects after a pause when the station restarts or the network drops, and returns to the login when the
// session has ended (logged out elsewhere, account deactivated, station restarted).
async function followEvents() {
  while (state.loggedIn) {
    try {
      const response = await fetch('/api/counter/events',
        { headers: { 'Accept': 'text/event-stream', 'X-Requested-With': 'fetch', 'X-Background': '1' } });
      if (response.status === 401) { sessionEnded(); return; }
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
  if (!state.lot || state.lot.id !== lot.id) resetPayment();
  state.lot = lot;
  renderAssay(lot);
  $('lot-voided').hidden = lot.status !== 'VOID';
  if (lot.status === 'VOID') {
    clearInterval(state.lockTimer);
    $('quote').hidden = true;
    $('no-quote').hidden = true;
    $('lot-voided').textContent = 'Lot voided by ' + lot.voided.by + ' at '
      + new Date(lot.voided.at).toLocaleTimeString() + ': ' + lot.voided.reason;
  } else if (lot.quote) {
    showQuote(lot);
  } else {
    clearInterval(state.lockTimer);
    $('quote').hidden = true;
    $('no-quote').hidden = false;
    $('no-quote').textContent = lot.status === 'ASSAYING' ? 'The quote follows the assay.' : 'No quote yet.';
  }
  // keep what changed on screen: on a 1366x768 counter the assay card can sit below the fold
  const changed = lot.status === 'VOID' ? $('lot-voided') : lot.quote ? $('quote') : $('assay-lot');
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
    ['Gross weight', lot.weighing.grossGrams + ' g' + (lot.weighing.typedOverrideReason
      ? ' \u2014 TYPED BY HAND, no balance reading (' + lot.weighing.typedOverrideReason + ')' : '')],
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
  // any counter offers the void; a supervisor who entered nothing on the lot signs it in the dialog (four eyes)
  $('void-area').hidden = lot.status !== 'QUOTED';
  renderPayment();
  clearInterval(state.lockTimer);
  state.lockTimer = setInterval(() => countdown(lot), 1000);
  countdown(lot);
}

function countdown(lot) {
  const left = Math.max(0, Math.round((Date.parse(lot.quote.lockedUntil) - Date.now()) / 1000));
  $('lock-countdown').textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  if (left === 0 && !(state.payment && state.payment.pending)) {
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

async function approve(auth) {
  const held = state.lot.status === 'ASSAYING';
  const lot = await api('/api/lots/' + state.lot.id + '/approval', { method: 'POST' }, auth);
  render(lot);
  show(held ? 'Assay released by ' + lot.assay.releasedBy + '.' : 'Approved by ' + lot.approval.approvedBy + '.', 'info');
}

// ---- payment: cash, mobile money (pending until the operator answers), bank transfer ------------------------------
const PAY_LABELS = { CASH: 'Pay cash', MOBILE_MONEY: 'Send mobile money', BANK_TRANSFER: 'Pay by bank transfer' };
const payMethod = () => document.querySelector('input[name=pay-method]:checked').value;

function resetPayment() {
  clearTimeout(state.pollTimer);
  state.payment = null;
  $('method-cash').checked = true;
  $('transfer-reference').value = '';
  $('void-form').hidden = true;
  $('void-reason').value = '';
  say('pay-message', '');
  say('void-message', '');
  renderPayment();
}

function renderPayMethod() {
  const method = payMethod();
  const pay = $('pay-button');
  if (!pay.classList.contains('busy')) pay.textContent = PAY_LABELS[method];
  $('transfer-fields').hidden = method !== 'BANK_TRANSFER';
  const payee = $('mobile-payee');
  const number = state.seller && state.seller.mobileMoneyNumber;
  payee.hidden = method !== 'MOBILE_MONEY';
  payee.textContent = number ? 'To the seller\u2019s registered number ' + number + '.'
    : 'This seller has no registered mobile money number: pay by cash or bank transfer.';
}

/** The payment controls from the state: what may be pressed now, and a pending transfer's progress. */
function renderPayment() {
  const lot = state.lot;
  const p = state.payment || {};
  const pending = !!p.pending;
  const needs = !!lot && lot.approval.reasons.length > 0 && !lot.approval.approvedBy;
  const expired = !!lot && !!lot.quote && Date.parse(lot.quote.lockedUntil) <= Date.now();
  for (const input of document.querySelectorAll('input[name=pay-method]')) input.disabled = pending;
  $('transfer-reference').disabled = pending;
  $('payment-progress').hidden = !pending;
  if (pending) {
    const a = p.pending;
    $('payment-state').textContent = 'Mobile money pending: ' + money(a.amountMinor, lot.quote.currencyExponent,
      a.currency) + ' sent to ' + a.payee + (a.reference ? ' (operator reference ' + a.reference + ')' : '')
      + '. Waiting for the operator to confirm\u2026 ' + Math.round((Date.now() - p.since) / 1000) + ' s';
    $('payment-progress').scrollIntoView({ block: 'nearest' });
  }
  $('retry-mobile-button').hidden = !p.failed || pending;
  // after a failed transfer, mobile money is offered as the retry; cash and bank transfer stay on the pay button
  $('pay-button').hidden = !!p.failed && payMethod() === 'MOBILE_MONEY';
  if (!$('pay-button').classList.contains('busy')) $('pay-button').disabled = pending || needs || expired;
  renderPayMethod();
}

async function pay() {
  const method = payMethod();
  const body = { method };
  if (method === 'BANK_TRANSFER') {
    const reference = $('transfer-reference').value.trim();
    if (!/^[A-Za-z0-9/-]{6,35}$/.test(reference)) {
      throw new Error('Enter the transfer reference as printed on the slip: 6 to 35 letters, digits, / or -.');
    }
    body.reference = reference;
  }
  await payRequest(body);
}

/**
 * One payment request. Asking again for a pending mobile-money transfer is the same request: the station asks the
 * operator under the lot's key, which never starts a second transfer while one is pending or confirmed.
 */
async function payRequest(body) {
  const lotId = state.lot.id;
  let answer;
  try {
    answer = await api('/api/lots/' + lotId + '/payment', { method: 'POST', body });
  } catch (e) {
    if (state.lot && state.lot.id === lotId) {
      if (e.code === 'MOBILE_MONEY_FAILED') state.payment = { failed: true };
      if (e.code === 'REQUOTE_NEEDED') $('requote-button').hidden = false;
    }
    throw e;
  }
  if (!state.lot || state.lot.id !== lotId) return; // the clerk moved on to the next lot meanwhile
  if (answer.status === 'PAID') {
    await paid(answer);
    return;
  }
  // 202: the transfer is with the operator; ask again shortly, with the same key
  state.payment = { pending: answer, since: (state.payment && state.payment.since) || Date.now() };
  renderPayment();
  clearTimeout(state.pollTimer);
  state.pollTimer = setTimeout(checkMobileMoney, 1500);
}

async function checkMobileMoney() {
  if (!state.payment || !state.payment.pending) return;
  try {
    await payRequest({ method: 'MOBILE_MONEY' });
  } catch (e) {
    if (state.payment && state.payment.pending) {
      // the station or the network did not answer: the transfer is still the operator's; keep asking
      say('pay-message', e.message + ' Still checking the transfer\u2026');
      state.pollTimer = setTimeout(checkMobileMoney, 3000);
    } else {
      say('pay-message', e.message);
    }
  }
  renderPayment();
}

async function paid(lot) {
  clearInterval(state.lockTimer);
  clearTimeout(state.pollTimer);
  state.payment = null;
  state.lot = lot;
  $('receipt-code').textContent = lot.verificationCode;
  $('receipt-card').hidden = false;
  $('receipt-frame').srcdoc = await api('/api/lots/' + lot.id + '/receipt', { headers: { 'Accept': 'text/html' } });
  refreshShift();
  const how = lot.paymentMethod === 'MOBILE_MONEY' ? 'by mobile money (operator reference ' + lot.paymentReference + ')'
    : lot.paymentMethod === 'BANK_TRANSFER' ? 'by bank transfer (reference ' + lot.paymentReference + ')'
    : 'in cash now';
  show('Paid: ' + money(lot.quote.advanceMinor, lot.quote.currencyExponent, lot.quote.currency)
    + ' ' + how + '. Purchase no. ' + lot.stationSequence + '.', 'info');
  $('quote').hidden = true;
  $('no-quote').hidden = false;
  $('no-quote').textContent = 'Lot paid.';
  $('density-form').hidden = true;
}

// ---- supervisor: void a quoted lot, with the reason -----------------------------------------------------------
async function askToVoid() {
  const reason = $('void-reason').value.trim();
  if (reason.length < 5) throw new Error('Write why the lot is voided (at least 5 characters): it is kept with the lot.');
  askSupervisor('Supervisor void', 'Void this lot: ' + reason, 'Void', (auth) => voidLot(reason, auth), 'void-message');
}

async function voidLot(reason, auth) {
  const lot = await api('/api/lots/' + state.lot.id + '/void', { method: 'POST', body: { reason } }, auth);
  render(lot);
  show('Lot voided by ' + lot.voided.by + '. Nothing is deleted: the lot keeps its weighing and quote.', 'info');
}

// ---- supervisor: the AML report ----------------------------------------------------------------------------------
async function amlReport() {
  const entries = await api('/api/reports/aml');
  const body = $('aml-rows');
  body.innerHTML = '';
  for (const e of entries) {
    const m = (minor) => money(minor, e.currencyExponent, e.currency);
    const tr = document.createElement('tr');
    const cells = [new Date(e.recordedAt).toLocaleString(), e.sellerName || e.sellerId,
      e.lotId.slice(0, 8) + ' (' + e.lotStatus.toLowerCase() + ')', m(e.linkedTotalMinor), m(e.thresholdMinor),
      e.windowDays + ' days'];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 2) td.title = e.lotId;
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
  $('aml-table').hidden = entries.length === 0;
  say('aml-message', entries.length === 0 ? 'No linked transactions over the threshold.'
    : entries.length + ' lot(s) recorded for reporting.', 'info');
}

// ---- supervisor: reverse a paid purchase (four eyes) -------------------------------------------------------------
const REVERSAL_KINDS = { COUNTERFEIT: 'counterfeit or not gold', PAYMENT_FAILED: 'the payment failed or bounced',
  OTHER: 'other' };

async function findPurchase() {
  const number = $('reversal-purchase').value.trim();
  if (!/^[0-9]+$/.test(number)) throw new Error('Enter the purchase number printed on the receipt, e.g. 42.');
  const lot = await api('/api/lots/purchase/' + number);
  state.reversalLot = lot;
  let reversal = null;
  try {
    reversal = await api('/api/lots/' + lot.id + '/reversal');
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  showReversal(lot, reversal);
  say('reversal-message', '');
}

function showReversal(lot, reversal) {
  $('reversal-lot').hidden = false;
  $('reversal-summary').textContent = 'Purchase no. ' + lot.stationSequence + ': ' + lot.weighing.grossGrams
    + ' g at ' + lot.finenessPerMille + ' per mille, paid '
    + money(lot.quote.advanceMinor, lot.quote.currencyExponent, lot.quote.currency) + ' on '
    + new Date(lot.paidAt).toLocaleString() + ' to seller ' + lot.sellerId + ' (paid by ' + lot.paidBy + ').';
  const status = $('reversal-status');
  if (!reversal) {
    status.textContent = 'Not reversed.';
  } else if (reversal.status === 'PROPOSED') {
    status.textContent = 'Reversal proposed by ' + reversal.proposedBy + ' (' + REVERSAL_KINDS[reversal.kind] + ': '
      + reversal.note + '). Another supervisor, who had no hand in the lot, approves it.';
  } else {
    status.textContent = 'Reversed: proposed by ' + reversal.proposedBy + ', approved by ' + reversal.approvedBy + ' ('
      + REVERSAL_KINDS[reversal.kind] + ': ' + reversal.note + '). The signed reversal is on its way to the centre.';
  }
  $('reversal-form').hidden = !!reversal;
  $('reversal-approve').hidden = !reversal || reversal.status !== 'PROPOSED';
}

async function proposeReversal() {
  const note = $('reversal-note').value.trim();
  if (note.length < 10) throw new Error('Write what was found (at least 10 characters): it is kept with the reversal.');
  const lot = state.reversalLot;
  const reversal = await api('/api/lots/' + lot.id + '/reversal', { method: 'POST',
    body: { kind: $('reversal-kind').value, note } });
  $('reversal-note').value = '';
  showReversal(lot, reversal);
  say('reversal-message', 'Reversal of purchase no. ' + lot.stationSequence
    + ' proposed: another supervisor approves it.', 'info');
}

async function approveReversal(auth) {
  const lot = state.reversalLot;
  const reversal = await api('/api/lots/' + lot.id + '/reversal/approve', { method: 'POST', body: {} }, auth);
  showReversal(lot, reversal);
  say('reversal-message', 'Purchase no. ' + lot.stationSequence + ' reversed by ' + reversal.approvedBy + '.', 'info');
}

/** The supervisor types their own name and password at the clerk's counter; nothing of it is kept. */
function askSupervisor(title, text, submitLabel, action, where) {
  state.supervisorAction = { action, where };
  $('approval-title').textContent = title;
  $('approval-reasons').textContent = text;
  $('approval-submit').textContent = submitLabel;
  $('approval-dialog').showModal();
}

function nextLot() {
  state.lot = null;
  $('receipt-card').hidden = true;
  $('no-quote').textContent = 'No quote yet.';
  $('fineness').value = '';
  $('density-water').value = '';
  $('assay-lot').hidden = true;
  $('lot-voided').hidden = true;
  resetPayment();
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
$('pay-button').addEventListener('click', sending($('pay-button'), 'pay-message', pay, renderPayment));
$('retry-mobile-button').addEventListener('click', sending($('retry-mobile-button'), 'pay-message',
  () => payRequest({ method: 'MOBILE_MONEY' }), renderPayment));
for (const input of document.querySelectorAll('input[name=pay-method]')) input.addEventListener('change', renderPayment);
$('void-button').addEventListener('click', () => {
  $('void-form').hidden = false;
  $('void-reason').focus();
});
$('void-cancel').addEventListener('click', () => { $('void-form').hidden = true; say('void-message', ''); });
$('void-form').addEventListener('submit', sending($('void-submit'), 'void-message', askToVoid));
$('close-shift-button').addEventListener('click', startCount);
$('count-cancel').addEventListener('click', () => { $('shift-close').hidden = true; });
$('count-form').addEventListener('submit', sending($('count-button'), 'shift-message', countShift));
$('sign-off-button').addEventListener('click', () => askSupervisor('Supervisor sign-off',
  'Sign off the count of ' + state.shift.clerk + '\u2019s shift. The supervisor must be another person than the clerk.',
  'Sign off', signOff, 'shift-message'));
$('site-form').addEventListener('submit', sending($('site-button'), 'site-message', declareSite));
$('block-button').addEventListener('click', sending($('block-button'), 'standing-message', () => changeStanding('block')));
// Enter in the reason field presses whichever of block and unblock is offered
$('standing-form').addEventListener('submit', (event) => {
  event.preventDefault();
  (state.seller.status === 'BLOCKED' ? $('unblock-button') : $('block-button')).click();
});
$('unblock-button').addEventListener('click', sending($('unblock-button'), 'standing-message',
  () => changeStanding('unblock')));
$('aml-button').addEventListener('click', sending($('aml-button'), 'aml-message', amlReport));
$('print-button').addEventListener('click', () => $('receipt-frame').contentWindow.print());
$('reversal-find-form').addEventListener('submit', sending($('reversal-find'), 'reversal-message', findPurchase));
$('reversal-form').addEventListener('submit', sending($('reversal-propose'), 'reversal-message', proposeReversal));
$('reversal-approve').addEventListener('click', () => askSupervisor('Approve the reversal',
  'Reverse purchase no. ' + state.reversalLot.stationSequence + ': ' + $('reversal-status').textContent
  + ' The approving supervisor must be someone who had no hand in the lot.', 'Approve the reversal', approveReversal,
  'reversal-message'));

$('next-lot').addEventListener('click', nextLot);
$('approve-button').addEventListener('click', () => askSupervisor('Supervisor approval',
  state.lot.approval.reasons.join(', '), 'Approve', approve));
$('release-button').addEventListener('click', () => askSupervisor('Supervisor approval',
  'Release the flagged assay: ' + state.lot.assay.flags.map((f) => f.reason).join('; '), 'Approve', approve));
$('approval-cancel').addEventListener('click', () => $('approval-dialog').close());
$('approval-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('supervisor-username').value.trim();
  const auth = btoa(unescape(encodeURIComponent(username + ':' + $('supervisor-password').value)));
  // nothing of the supervisor's stays in the form once the dialog closes
  $('supervisor-username').value = '';
  $('supervisor-password').value = '';
  $('approval-dialog').close();
  const { action, where } = state.supervisorAction;
  try {
    await action(auth);
  } catch (e) {
    if (where) say(where, e.message);
    else show(e.message);
  }
});
$('logout').addEventListener('click', () => {
  fetch('/api/session', { method: 'DELETE', headers: { 'X-Requested-With': 'fetch' } })
    .finally(() => location.replace(location.pathname));
});

// a session still open (a reload, a second tab) goes straight to the counter; otherwise the login form stays
if (new URLSearchParams(location.search).has('session-ended')) {
  show('Your session has ended (logged out, account deactivated, or the station restarted): log in again.');
}
api('/api/me').then((me) => { state.user = me; enterCounter(); }).catch(() => {});
