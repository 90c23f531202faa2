// Treasury dashboard: plain JavaScript over the centre's API. Figures are the server's (decimal strings and integer
// minor units); the page only arranges them, and sends typed values as the strings typed. Updates are pushed: each
// ingested purchase, published tick and pricing proposal or decision triggers a refresh.
'use strict';

const state = { loggedIn: false, refreshTimer: null, me: null, policyFormVersion: null };
const $ = (id) => document.getElementById(id);
let lastActivity = Date.now();
for (const kind of ['keydown', 'pointerdown']) {
  document.addEventListener(kind, () => { lastActivity = Date.now(); }, { capture: true, passive: true });
}

// One request to the centre; a refusal becomes an Error carrying the centre's own sentence. The login is a session
// the centre holds, named by an HttpOnly cookie: the page holds no password or token. X-Requested-With marks the
// page's own requests (the cookie authorises a change only with it, and the centre sends no basic-auth challenge).
async function api(path, post) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'fetch' };
  // the centre ends a session after 30 minutes without the user's own activity: requests made while nobody has
  // touched the page for a while (pushed refreshes) say so, and do not keep it open
  if (Date.now() - lastActivity > 10000) headers['X-Background'] = '1';
  const options = post === undefined ? { headers }
    : { method: 'POST', body: JSON.stringify(post), headers: { ...headers, 'Content-Type': 'application/json' } };
  const response = await fetch(path, options);
  if (response.status === 401 && state.loggedIn) sessionEnded();
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Error(body && body.message ? body.message
      : response.status === 401 ? 'Wrong username or password.'
      : response.status === 403 ? 'Not allowed: your role cannot do this.' : 'The centre answered HTTP ' + response.status);
  }
  return body;
}

// A change sent as JSON.
function send(path, body) {
  return api(path, body || {});
}

function show(message) {
  $('message').textContent = message;
  $('message').hidden = !message;
}

function money(minor, exponent, currency) {
  let digits = String(Math.abs(minor));
  let fraction = '';
  if (exponent > 0) {
    digits = digits.padStart(exponent + 1, '0');
    fraction = '.' + digits.slice(-exponent);
    digits = digits.slice(0, -exponent);
  }
  return (minor < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + fraction + ' ' + currency;
}

function grams(text) {
  const [whole, fraction] = String(text).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? '.' + fraction : '') + ' g';
}

function cell(row, text, numeric) {
  const td = document.createElement('td');
  td.textContent = text;
  if (numeric) td.className = 'n';
  row.appendChild(td);
  return td;
}

function today() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

async function logIn(username, password) {
  enter(await api('/api/session', { username, password }));
}

/** Back to the login form, saying why: the centre no longer knows this session. */
function sessionEnded() {
  state.loggedIn = false;
  location.replace(location.pathname + '?session-ended');
}

function enter(me) {
  state.loggedIn = true;
  $('login').hidden = true;
  $('dashboard').hidden = false;
  $('logout').hidden = false;
  $('csv').hidden = false;
  state.me = me;
  const treasury = me.roles.includes('treasury');
  state.compliance = me.roles.includes('compliance');
  // compliance officers decide on sellers; the reserve, prices and keys are for treasury and auditors
  state.complianceOnly = state.compliance && !treasury && !me.roles.includes('auditor');
  $('dashboard').classList.toggle('compliance-only', state.complianceOnly);
  $('csv').hidden = state.complianceOnly;
  $('live').hidden = state.complianceOnly; // no live stream for them: the register is read on each refresh
  $('who').textContent = me.username + (treasury ? ' (treasury)' : state.compliance ? ' (compliance)' : ' (auditor, read-only)');
  $('pricing-forms').hidden = !treasury;
  $('key-forms').hidden = !treasury;
  $('pricing-readonly').hidden = treasury;
  show('');
  refresh();
  if (!state.complianceOnly) listen();
  setInterval(refresh, 60000);
}

// As for the pricing section: only the newest of several refreshes in flight draws the figures.
let refreshes = 0;

async function refresh() {
  const current = ++refreshes;
  if (state.complianceOnly) {
    await refreshSellers();
    return;
  }
  try {
    const [reserve, days, regions, stationsLedger, stations] = await Promise.all([
      api('/api/reserve'), api('/api/ledger?by=day'),
      api('/api/ledger?by=region'), api('/api/ledger?by=station'), api('/api/stations')]);
    if (current !== refreshes) return;
    const alerts = [];
    const total = reserve.byCurrency[0];
    $('reserve-fine').textContent = total ? grams(total.fineGrams) : '0 g';
    $('reserve-detail').textContent = total ? reserve.purchases + ' purchases \u00b7 ' + grams(total.grossGrams)
      + ' gross \u00b7 cost ' + money(total.costMinor, total.currencyExponent, total.currency)
      + (reserve.reversedPurchases ? ' \u00b7 ' + reserve.reversedPurchases + ' reversed at their station, not counted' : '')
      : 'No purchases yet.';
    const t = days.find((d) => d.key === today());
    $('today-fine').textContent = t ? grams(t.fineGrams) : '0 g';
    $('today-detail').textContent = t ? t.purchases + ' purchases \u00b7 ' + money(t.costMinor, t.currencyExponent, t.currency)
      + ' \u00b7 ' + t.premiumPercent + ' % vs spot' : 'No purchases today.';
    await refreshPrice(alerts);
    await refreshPricing();
    await refreshIntegrity();
    await refreshKeys();
    await refreshSellers();
    if (current !== refreshes) return;
    fillLedger('by-region', regions);
    fillLedger('by-station', stationsLedger);
    fillStations(stations, alerts);
    chart(days);
    const list = $('alerts');
    list.innerHTML = '';
    for (const alert of alerts) {
      const li = document.createElement('li');
      li.textContent = alert;
      list.appendChild(li);
    }
    if (alerts.length === 0) list.innerHTML = '<li class="none" style="color:#0a6b2d">No alerts.</li>';
    $('updated').textContent = new Date().toLocaleTimeString();
  } catch (e) {
    show(e.message);
  }
}

async function refreshPrice(alerts) {
  try {
    const tick = await api('/api/price');
    if (tick.status === 'ACTIVE') {
      $('price').textContent = tick.spotUsdPerTroyOunce + ' USD/ozt';
      $('price-detail').textContent = 'tick ' + tick.sequence + ' \u00b7 FX ' + tick.fxLocalPerUsd + ' ' + tick.currency
        + '/USD \u00b7 ' + tick.source.name + (tick.source.simulated ? ' (SIMULATED)' : '');
    } else {
      $('price').textContent = 'SUSPENDED';
      $('price-detail').textContent = tick.suspendedReason;
      alerts.push('Price suspended: ' + tick.suspendedReason);
    }
  } catch (e) {
    $('price').textContent = 'none';
    $('price-detail').textContent = e.message;
    alerts.push('No official price: ' + e.message);
  }
}

// ---- Price and policy: the policy in force, what waits for a decision, and the two forms -------------------------
function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function terms(p) {
  return 'FX ' + p.fxLocalPerUsd + ' ' + p.currency + '/USD \u00b7 discount ' + p.discountPercent + ' % \u00b7 royalty '
    + p.royaltyPercent + ' % \u00b7 fees ' + p.feesPercent + ' % \u00b7 advance ' + p.advancePercent + ' % \u00b7 quote lock '
    + p.quoteLockSeconds + ' s \u00b7 maximum tick age ' + p.maxTickAgeSeconds + ' s';
}

// Several refreshes can be in flight (a live event, the refresh after a decision, the periodic one): only the newest
// draws, so an older answer arriving late never puts the previous state back on the screen.
let pricingRefreshes = 0;

async function refreshPricing() {
  const refresh = ++pricingRefreshes;
  try {
    const [policy, versions, prices] = await Promise.all([
      api('/api/pricing/policy'), api('/api/pricing/policy/versions'), api('/api/pricing/prices')]);
    if (refresh !== pricingRefreshes) return;
    const facts = $('policy-in-force');
    facts.innerHTML = '';
    const rows = [['Version', String(policy.id)], ['FX rate', policy.fxLocalPerUsd + ' ' + policy.currency + ' per USD'],
      ['Discount', policy.discountPercent + ' %'], ['Royalty or withholding', policy.royaltyPercent + ' %'],
      ['Fees', policy.feesPercent + ' %'], ['Advance share', policy.advancePercent + ' %'],
      ['Quote lock window', policy.quoteLockSeconds + ' s'], ['Maximum tick age', policy.maxTickAgeSeconds + ' s'],
      ['In force since', when(policy.effectiveAt)]];
    for (const [name, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = value;
      dd.id = 'policy-' + name.toLowerCase().replace(/[^a-z]+/g, '-');
      facts.append(dt, dd);
    }
    $('policy-source').textContent = policy.origin === 'CONFIGURATION'
      ? 'From the service\'s configuration (the first version).'
      : 'Proposed by ' + policy.proposedBy + ', approved by ' + policy.decidedBy + ': ' + policy.reason;
    for (const el of document.querySelectorAll('.currency')) el.textContent = policy.currency;
    // the form starts from the version in force, and again whenever another version comes into force
    if (state.policyFormVersion !== policy.id) {
      $('p-fx').value = policy.fxLocalPerUsd;
      $('p-discount').value = policy.discountPercent;
      $('p-royalty').value = policy.royaltyPercent;
      $('p-fees').value = policy.feesPercent;
      $('p-advance').value = policy.advancePercent;
      $('p-lock').value = policy.quoteLockSeconds;
      $('p-age').value = policy.maxTickAgeSeconds;
      state.policyFormVersion = policy.id;
    }
    const list = $('pending');
    list.innerHTML = '';
    for (const v of versions.filter((v) => v.status === 'PROPOSED').reverse()) list.appendChild(policyItem(v, policy));
    for (const p of prices.filter((p) => p.status === 'HELD' || p.status === 'PROPOSED')) list.appendChild(priceItem(p));
    if (!list.children.length) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = 'Nothing waits for a decision.';
      list.appendChild(li);
    }
  } catch (e) {
    show(e.message);
  }
}

function policyItem(v, inForce) {
  const li = document.createElement('li');
  li.id = 'policy-proposal-' + v.id;
  const text = document.createElement('p');
  text.textContent = 'Policy change ' + v.id + ' proposed by ' + v.proposedBy + ' at ' + when(v.proposedAt) + ': '
    + terms(v) + '. Effective from ' + when(v.effectiveFrom) + ' (now in force: version ' + inForce.id + '). Reason: ' + v.reason;
  li.appendChild(text);
  li.appendChild(actions('policy', v.id, v.proposedBy, 'Approve policy change ' + v.id, 'You proposed this change: another treasury user approves it.',
    '/api/pricing/policy/versions/' + v.id));
  return li;
}

function priceItem(p) {
  const li = document.createElement('li');
  li.id = 'price-proposal-' + p.id;
  const text = document.createElement('p');
  if (p.kind === 'HELD') {
    text.textContent = 'Held feed value ' + p.id + ': ' + p.spotUsdPerTroyOunce + ' USD/ozt from ' + p.source
      + (p.simulated ? ' (SIMULATED)' : '') + ' at ' + when(p.observedAt) + ', last accepted ' + p.referenceSpot
      + '. ' + p.note + (p.status === 'PROPOSED' ? ' Approved once, by ' + p.proposedBy + '.' : ' Not yet approved.');
  } else {
    text.textContent = 'Manual price ' + p.id + ': ' + p.spotUsdPerTroyOunce + ' USD/ozt, proposed by ' + p.proposedBy
      + ' at ' + when(p.proposedAt) + '. Note: ' + p.note;
  }
  li.appendChild(text);
  const label = p.kind === 'HELD' && p.status === 'HELD' ? 'Approve held value ' + p.id + ' (1 of 2)'
    : p.kind === 'HELD' ? 'Confirm held value ' + p.id + ' (2 of 2)' : 'Approve manual price ' + p.id;
  li.appendChild(actions('price', p.id, p.proposedBy, label,
    p.kind === 'HELD' ? 'You approved this value once: another treasury user confirms it.' : 'You proposed this price: another treasury user approves it.',
    '/api/pricing/prices/' + p.id));
  return li;
}

// Approve and reject buttons; none for auditors, and approval disabled (with the reason) for the proposer.
function actions(kind, id, proposedBy, approveLabel, ownNote, path) {
  const box = document.createElement('div');
  box.className = 'actions';
  if (!state.me || !state.me.roles.includes('treasury')) return box;
  const own = proposedBy === state.me.username;
  const approve = document.createElement('button');
  approve.type = 'button';
  approve.id = 'approve-' + kind + '-' + id;
  approve.textContent = approveLabel;
  approve.disabled = own;
  const what = (kind === 'policy' ? 'Policy change ' : 'Price ') + id;
  approve.addEventListener('click', () => decide(path + '/approve', what + ' approved.'));
  const reject = document.createElement('button');
  reject.type = 'button';
  reject.id = 'reject-' + kind + '-' + id;
  reject.className = 'secondary';
  reject.textContent = own ? 'Withdraw' : 'Reject';
  reject.addEventListener('click', () => decide(path + '/reject', what + (own ? ' withdrawn.' : ' rejected.')));
  box.append(approve, reject);
  if (own) {
    const note = document.createElement('span');
    note.className = 'muted';
    note.id = 'own-' + kind + '-' + id;
    note.textContent = ownNote;
    box.appendChild(note);
  }
  return box;
}

// Outcomes of the section's actions are said inside the section, next to the buttons and forms that caused them.
function done(message) {
  $('pricing-error').hidden = true;
  $('pricing-status').textContent = message;
  $('pricing-status').hidden = false;
}

function refused(message) {
  $('pricing-status').hidden = true;
  $('pricing-error').textContent = message;
  $('pricing-error').hidden = false;
}

async function decide(path, message) {
  try {
    await send(path, {});
    done(message);
  } catch (e) {
    refused(e.message);
  }
  await refreshPricing();
  await refreshPrice([]);
}

async function proposePolicy() {
  const from = $('p-from').value;
  const body = { fxLocalPerUsd: $('p-fx').value.trim(), discountPercent: $('p-discount').value.trim(),
    royaltyPercent: $('p-royalty').value.trim(), feesPercent: $('p-fees').value.trim(),
    advancePercent: $('p-advance').value.trim(), quoteLockSeconds: $('p-lock').value.trim(),
    maxTickAgeSeconds: $('p-age').value.trim(), reason: $('p-reason').value.trim() };
  if (from) body.effectiveFrom = new Date(from).toISOString();
  try {
    const saved = await send('/api/pricing/policy/versions', body);
    $('p-reason').value = '';
    done('Policy change ' + saved.id + ' proposed: another treasury user must approve it.');
    await refreshPricing();
  } catch (e) {
    refused(e.message);
    $('p-reason').focus();
  }
}

async function proposeManualPrice() {
  try {
    const saved = await send('/api/pricing/prices', { spotUsdPerTroyOunce: $('m-spot').value.trim(), note: $('m-note').value.trim() });
    $('m-spot').value = '';
    $('m-note').value = '';
    done('Manual price ' + saved.id + ' proposed: another treasury user must approve it.');
    await refreshPricing();
  } catch (e) {
    refused(e.message);
    $('m-spot').focus();
  }
}

function fillLedger(id, rows) {
  const body = $(id);
  body.innerHTML = '';
  for (const r of rows) {
    const tr = document.createElement('tr');
    cell(tr, r.key);
    cell(tr, String(r.purchases), true);
    const typed = cell(tr, String(r.typedWeightPurchases), true);
    if (r.typedWeightPurchases > 0) {
      typed.classList.add('typed');
      typed.title = r.typedWeightPurchases + ' weighed by hand: a typed weight a supervisor approved, not the balance\'s reading';
    }
    cell(tr, grams(r.fineGrams), true);
    cell(tr, money(r.costMinor, r.currencyExponent, r.currency), true);
    cell(tr, r.premiumPercent + ' %', true);
    body.appendChild(tr);
  }
}

function fillStations(stations, alerts) {
  const body = $('stations');
  body.innerHTML = '';
  let online = 0;
  for (const s of stations) {
    if (s.online) online++;
    const tr = document.createElement('tr');
    cell(tr, s.stationId + (s.region ? ' (' + s.region + ')' : ''));
    const status = cell(tr, '');
    const badge = document.createElement('span');
    badge.className = 'badge ' + (s.online ? 'ok' : 'bad');
    badge.textContent = s.online ? 'online' : 'OFFLINE';
    status.appendChild(badge);
    cell(tr, s.lastHeartbeatAt ? new Date(s.lastHeartbeatAt).toLocaleString() : 'never');
    cell(tr, String(s.outboxBacklog), true);
    cell(tr, String(s.missingPurchases), true);
    cell(tr, s.balanceStatus ? s.balanceStatus + ' \u00b7 verified to ' + s.balanceVerificationExpiry : 'not reported');
    body.appendChild(tr);
    for (const a of s.alerts) alerts.push(s.stationId + ': ' + a);
  }
  $('stations-online').textContent = online + ' / ' + stations.length + ' online';
  $('stations-detail').textContent = (stations.length - online) + ' offline';
}

// ---- Station keys: the registry, with the four-eyes decisions a treasury user can take here ------------------------
async function refreshKeys() {
  try {
    const keys = await api('/api/station-keys');
    const body = $('keys');
    body.innerHTML = '';
    for (const k of keys) {
      const tr = document.createElement('tr');
      tr.id = 'key-' + k.keyId;
      cell(tr, k.stationId + ' (' + k.region + ')');
      cell(tr, k.keyId);
      const pending = k.revocationProposedBy && k.status !== 'REVOKED';
      const status = cell(tr, k.status + (pending ? ' \u00b7 revocation proposed by ' + k.revocationProposedBy
        + ': ' + k.revocationReason : '') + (k.status === 'REJECTED'
        ? (k.rejectedBy === k.proposedBy ? ' \u00b7 withdrawn by ' : ' \u00b7 by ') + k.rejectedBy + ' \u00b7 ' + when(k.rejectedAt)
          + (k.rejectionReason ? ' \u00b7 ' + k.rejectionReason : '')
        : ''));
      status.className = 'key-status';
      cell(tr, k.proposedBy + ' \u00b7 ' + when(k.proposedAt) + ' \u00b7 ' + k.proposalReason);
      cell(tr, k.approvedBy ? k.approvedBy + ' \u00b7 ' + when(k.approvedAt) : '\u2013');
      const decision = cell(tr, '');
      if (state.me && state.me.roles.includes('treasury')) {
        if (k.status === 'PROPOSED') {
          decision.appendChild(keyAction('approve-key-' + k.keyId, 'Approve key ' + k.keyId, k.proposedBy,
            '/api/station-keys/' + k.keyId + '/approve', 'Key ' + k.keyId + ' approved: it signs ' + k.stationId + '\u2019s purchases.'));
          const own = k.proposedBy === state.me.username;
          const turnDown = keyAction('reject-key-' + k.keyId, own ? 'Withdraw' : 'Reject', null,
            '/api/station-keys/' + k.keyId + '/reject',
            'Key ' + k.keyId + (own ? ' withdrawn' : ' rejected') + ': it never counts.',
            (own ? 'Withdraw' : 'Reject') + ' key ' + k.keyId + ' for ' + k.stationId + '? It will never count, and '
            + 'this public key cannot be proposed again: the station would make a new one. Why (at least 10 '
            + 'characters)?');
          turnDown.querySelector('button').className = 'secondary';
          decision.appendChild(turnDown);
          showWaiting(k.keyId, decision);
        } else if (pending) {
          // the confirmation names the proposal shown here: if it was withdrawn and proposed again meanwhile, the
          // centre refuses, and the list shows the new one
          decision.appendChild(keyAction('revoke-key-' + k.keyId, 'Confirm revocation', k.revocationProposedBy,
            '/api/station-keys/' + k.keyId + '/revoke', 'Key ' + k.keyId + ' revoked: nothing more it signs counts.',
            null, { proposedBy: k.revocationProposedBy, proposedAt: k.revocationProposedAt }));
          if (k.revocationProposedBy === state.me.username) {
            // only the proposer withdraws: anyone else could stop, alone, what two colleagues would carry
            const withdraw = keyAction('withdraw-revocation-' + k.keyId, 'Withdraw revocation', null,
              '/api/station-keys/' + k.keyId + '/revocation/withdrawal',
              'Revocation of key ' + k.keyId + ' withdrawn: the key counts as before.',
              'Withdraw your proposal to revoke key ' + k.keyId + '? The key keeps counting. Why (at least 10 '
              + 'characters)?');
            withdraw.querySelector('button').className = 'secondary';
            decision.appendChild(withdraw);
          }
        }
      }
      body.appendChild(tr);
    }
    if (!keys.length) {
      const tr = document.createElement('tr');
      cell(tr, 'No station key registered yet.');
      body.appendChild(tr);
    }
    // the keys whose revocation may be proposed: approved ones with no revocation pending
    const select = $('r-key');
    const chosen = select.value;
    select.innerHTML = '';
    for (const k of keys.filter((k) => (k.status === 'ACTIVE' || k.status === 'RETIRED') && !k.revocationProposedBy)) {
      const option = document.createElement('option');
      option.value = k.keyId;
      option.textContent = k.keyId + ' \u00b7 ' + k.stationId + ' (' + k.status.toLowerCase() + ')';
      select.appendChild(option);
    }
    if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
    $('r-propose').disabled = select.options.length === 0;
    showWithdrawnRevocations(await api('/api/station-keys/withdrawn-revocations'));
  } catch (e) {
    show(e.message);
  }
}

// Revocations their proposers withdrew, with both reasons: so a pending revocation that vanished is explained.
function showWithdrawnRevocations(withdrawn) {
  const list = $('withdrawn-list');
  list.innerHTML = '';
  for (const w of withdrawn) {
    const item = document.createElement('li');
    item.id = 'withdrawn-' + w.keyId + '-' + w.withdrawnAt;
    item.textContent = 'Key ' + w.keyId + ': revocation proposed by ' + w.proposedBy + ' \u00b7 ' + when(w.proposedAt)
      + ' (' + w.revocationReason + '), withdrawn \u00b7 ' + when(w.withdrawnAt) + ': ' + w.withdrawalReason;
    list.appendChild(item);
  }
  $('withdrawn-revocations').hidden = withdrawn.length === 0;
}

// What approving a proposed key would readmit: the purchases its station signed with it and the centre refused.
async function showWaiting(keyId, where) {
  try {
    const waiting = await api('/api/station-keys/' + keyId + '/waiting');
    if (waiting.purchases === 0) return;
    const note = document.createElement('p');
    note.className = 'muted';
    note.id = 'waiting-' + keyId;
    note.textContent = 'Approving it counts ' + waiting.purchases + ' purchase' + (waiting.purchases === 1 ? '' : 's')
      + ' (' + waiting.grossGrams + ' g gross) the station signed with it before, refused until then.';
    where.appendChild(note);
  } catch (e) {
    // the table stands without it
  }
}

// A proposal about a key, sent from one of the forms; another treasury user decides it in the table.
async function proposeAboutKey(path, body, message, form) {
  try {
    const key = await send(path, body);
    $('keys-error').hidden = true;
    $('keys-status').textContent = message(key);
    $('keys-status').hidden = false;
    form.reset();
  } catch (e) {
    $('keys-status').hidden = true;
    $('keys-error').textContent = e.message;
    $('keys-error').hidden = false;
  }
  await refreshKeys();
}

// A decision on a key; the one who proposed it sees why they cannot take it.
// With a question, the decision takes a written reason: the question is asked and the answer sent as the reason.
function keyAction(id, label, proposedBy, path, message, reasonQuestion, seen) {
  const box = document.createElement('span');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = id;
  button.textContent = label;
  const own = proposedBy === state.me.username;
  button.disabled = own;
  button.addEventListener('click', async () => {
    let body = seen || {};
    if (reasonQuestion) {
      const reason = prompt(reasonQuestion);
      if (reason === null) return;
      body = { reason };
    }
    try {
      await send(path, body);
      $('keys-error').hidden = true;
      $('keys-status').textContent = message;
      $('keys-status').hidden = false;
    } catch (e) {
      $('keys-status').hidden = true;
      $('keys-error').textContent = e.message;
      $('keys-error').hidden = false;
    }
    await refreshKeys();
  });
  box.appendChild(button);
  if (own) {
    const note = document.createElement('span');
    note.className = 'muted';
    note.textContent = ' You proposed this: another treasury user decides.';
    box.appendChild(note);
  }
  return box;
}

// ---- Integrity incidents: what was refused, the evidence, and the four-eyes resolution ----------------------------
let integrityRefreshes = 0;

// ---- National register of sellers: search, and the four-eyes block a compliance officer can propose or approve -----
// only the newest of several searches in flight draws the table (a slow answer to an older one must not replace it)
let sellerSearches = 0;

async function refreshSellers() {
  const current = ++sellerSearches;
  try {
    const q = $('s-query').value.trim();
    const sellers = await api('/api/sellers?limit=50' + (q ? '&q=' + encodeURIComponent(q) : ''));
    if (current !== sellerSearches) return;
    const body = $('sellers');
    body.innerHTML = '';
    for (const s of sellers) {
      const tr = document.createElement('tr');
      tr.id = 'seller-' + s.sellerId;
      cell(tr, s.name + ' (' + s.sellerType.toLowerCase().replace('_', ' ') + ')');
      cell(tr, [s.nationalId, s.licenceNumber].filter(Boolean).join(' / '));
      cell(tr, s.stations + (s.stations === 1 ? ' station (' : ' stations (first ') + s.firstStationId + ')', false);
      const standing = cell(tr, s.status === 'BLOCKED' ? 'BLOCKED: ' + s.statusReason : 'active');
      standing.className = 'seller-status' + (s.status === 'BLOCKED' ? ' bad-text' : '');
      cell(tr, s.proposedBy ? (s.proposedStatus === 'BLOCKED' ? 'block' : 'unblock') + ' proposed by ' + s.proposedBy
        + ' \u00b7 ' + when(s.proposedAt) + ' \u00b7 ' + s.proposedReason : '\u2013');
      const decision = cell(tr, '');
      if (state.compliance) decision.appendChild(sellerActions(s));
      body.appendChild(tr);
    }
    if (!sellers.length) {
      const tr = document.createElement('tr');
      cell(tr, q ? 'No seller matches \u201c' + q + '\u201d.' : 'No seller registered yet.');
      body.appendChild(tr);
    }
  } catch (e) {
    $('sellers-error').textContent = e.message;
    $('sellers-error').hidden = false;
  }
}

/** The decisions a compliance officer can take on a seller's standing; an approval names the proposal shown. */
function sellerActions(s) {
  const box = document.createElement('span');
  const path = '/api/sellers/' + s.sellerId + '/standing';
  const button = (id, label, secondary, onClick, disabled) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id + '-' + s.sellerId;
    b.textContent = label;
    if (secondary) b.className = 'secondary';
    b.disabled = !!disabled;
    b.addEventListener('click', onClick);
    box.appendChild(b);
  };
  if (s.proposedBy) {
    const own = s.proposedBy === state.me.username;
    const seen = { proposedBy: s.proposedBy, proposedAt: s.proposedAt };
    button('approve-standing', 'Approve', false, () => sellerDecision(path + '/approve', seen,
      s.name + (s.proposedStatus === 'BLOCKED' ? ' blocked at every station.' : ' unblocked at every station.')), own);
    // only the proposer withdraws: anyone else could stop, alone, what two colleagues would carry
    if (own) {
      button('withdraw-standing', 'Withdraw', true, () => sellerDecision(path + '/withdrawal', seen,
        'Your proposed change of ' + s.name + '\u2019s standing was withdrawn.'));
    }
    if (own) {
      const note = document.createElement('span');
      note.className = 'muted';
      note.textContent = ' You proposed this: another compliance officer decides.';
      box.appendChild(note);
    }
  } else {
    const block = s.status !== 'BLOCKED';
    button(block ? 'propose-block' : 'propose-unblock', block ? 'Propose block' : 'Propose unblock', !block, () => {
      const reason = prompt((block ? 'Block ' : 'Unblock ') + s.name + ' at every station? '
        + (block ? 'The counters will show your reason' : 'Say why the block ends') + ' (at least 10 characters).');
      if (reason === null) return;
      sellerDecision(path, { status: block ? 'BLOCKED' : 'ACTIVE', reason },
        (block ? 'Block' : 'Unblock') + ' of ' + s.name + ' proposed: another compliance officer approves it.');
    });
  }
  return box;
}

async function sellerDecision(path, body, message) {
  try {
    await send(path, body);
    $('sellers-error').hidden = true;
    $('sellers-status').textContent = message;
    $('sellers-status').hidden = false;
  } catch (e) {
    $('sellers-status').hidden = true;
    $('sellers-error').textContent = e.message;
    $('sellers-error').hidden = false;
  }
  await refreshSellers();
}

async function refreshIntegrity() {
  const current = ++integrityRefreshes;
  try {
    const incidents = await api('/api/integrity/incidents');
    if (current !== integrityRefreshes) return;
    const pending = incidents.filter((i) => i.status !== 'RESOLVED');
    $('integrity-summary').textContent = pending.length === 0 ? 'No open incident.'
      : pending.length + ' open incident' + (pending.length === 1 ? '' : 's') + '.';
    $('integrity-summary').className = pending.length === 0 ? 'ok-text' : 'bad-text';
    const list = $('incidents');
    // a redraw keeps what a treasury user is typing in a note, and where the cursor is
    const typed = new Map([...list.querySelectorAll('textarea')].map((t) => [t.id, t.value]));
    const focused = list.contains(document.activeElement) ? document.activeElement.id : null;
    list.innerHTML = '';
    for (const incident of pending) list.appendChild(incidentItem(incident));
    for (const [id, value] of typed) {
      const note = document.getElementById(id);
      if (note) note.value = value;
    }
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  } catch (e) {
    integrityRefused(e.message);
  }
}

function incidentItem(incident) {
  const li = document.createElement('li');
  li.id = 'incident-' + incident.id;
  const title = document.createElement('strong');
  title.textContent = incident.kind.replace(/_/g, ' ').toLowerCase() + ' \u00b7 station ' + incident.stationId
    + ' \u00b7 ' + new Date(incident.detectedAt).toLocaleString();
  const evidence = document.createElement('p');
  evidence.className = 'evidence';
  evidence.textContent = incident.evidence + (incident.purchaseId ? ' (purchase ' + incident.purchaseId + ')' : '');
  li.append(title, evidence);
  if (incident.status === 'RESOLUTION_PROPOSED') {
    const proposed = document.createElement('p');
    proposed.textContent = 'Resolution proposed by ' + incident.proposedBy + ': ' + incident.resolutionNote;
    li.appendChild(proposed);
  }
  if (!state.me || !state.me.roles.includes('treasury')) return li;
  const box = document.createElement('div');
  box.className = 'actions';
  if (incident.status === 'OPEN') {
    const label = document.createElement('label');
    label.htmlFor = 'resolution-' + incident.id;
    label.textContent = 'What was found and done (at least 10 characters)';
    const note = document.createElement('textarea');
    note.id = 'resolution-' + incident.id;
    note.rows = 2;
    note.maxLength = 1000;
    const propose = document.createElement('button');
    propose.type = 'button';
    propose.id = 'propose-incident-' + incident.id;
    propose.textContent = 'Propose resolution';
    propose.addEventListener('click', () => decideIncident('/api/integrity/incidents/' + incident.id + '/resolution',
      { note: note.value }, 'Resolution of incident ' + incident.id + ' proposed: another treasury user confirms it.'));
    box.append(label, note, propose);
  } else {
    const own = incident.proposedBy === state.me.username;
    const confirm = document.createElement('button');
    confirm.type = 'button';
    confirm.id = 'confirm-incident-' + incident.id;
    confirm.textContent = 'Confirm resolution';
    confirm.disabled = own;
    confirm.addEventListener('click', () => decideIncident('/api/integrity/incidents/' + incident.id + '/confirm', {},
      'Incident ' + incident.id + ' resolved.'));
    box.appendChild(confirm);
    if (own) {
      const note = document.createElement('span');
      note.className = 'muted';
      note.textContent = 'You proposed this resolution: another treasury user confirms it.';
      box.appendChild(note);
    }
  }
  li.appendChild(box);
  return li;
}

async function decideIncident(path, body, message) {
  try {
    await send(path, body);
    $('integrity-error').hidden = true;
    $('integrity-status').textContent = message;
    $('integrity-status').hidden = false;
  } catch (e) {
    integrityRefused(e.message);
  }
  await refreshIntegrity();
}

function integrityRefused(message) {
  $('integrity-status').hidden = true;
  $('integrity-error').textContent = message;
  $('integrity-error').hidden = false;
}

// Cumulative fine grams by day as an SVG line. The totals shown are summed exactly (BigInt in units of 0.1 mg, the
// ledger's scale); only the drawing uses floating point, for coordinates.
const MG_TENTHS = 4;

function toTenthsOfMg(text) {
  const [whole, fraction = ''] = String(text).split('.');
  return BigInt(whole + fraction.padEnd(MG_TENTHS, '0').slice(0, MG_TENTHS));
}

function fromTenthsOfMg(value) {
  const digits = value.toString().padStart(MG_TENTHS + 1, '0');
  return digits.slice(0, -MG_TENTHS) + '.' + digits.slice(-MG_TENTHS);
}

function chart(days) {
  let total = 0n;
  const points = days.map((d) => { total += toTenthsOfMg(d.fineGrams); return { day: d.key, total: fromTenthsOfMg(total) }; });
  const box = $('chart');
  const tableBody = $('chart-table').querySelector('tbody');
  tableBody.innerHTML = '';
  for (const p of points) {
    const tr = document.createElement('tr');
    cell(tr, p.day);
    cell(tr, grams(p.total), true);
    tableBody.appendChild(tr);
  }
  if (points.length === 0) { box.textContent = 'No purchases yet.'; return; }
  const w = 800, h = 200, pad = 40;
  const max = Math.max(...points.map((p) => Number(p.total))) || 1;
  const x = (i) => pad + (points.length === 1 ? (w - 2 * pad) / 2 : i * (w - 2 * pad) / (points.length - 1));
  const y = (v) => h - pad / 2 - v / max * (h - pad);
  const line = points.map((p, i) => x(i).toFixed(1) + ',' + y(Number(p.total)).toFixed(1)).join(' ');
  const first = points[0].day, last = points[points.length - 1].day;
  box.innerHTML = '<svg viewBox="0 0 ' + w + ' ' + h + '" xmlns="http://www.w3.org/2000/svg">'
    + '<line x1="' + pad + '" y1="' + (h - pad / 2) + '" x2="' + (w - pad) + '" y2="' + (h - pad / 2) + '" stroke="#999"/>'
    + '<polyline fill="none" stroke="#b8860b" stroke-width="3" points="' + line + '"/>'
    + points.map((p, i) => '<circle r="4" fill="#b8860b" cx="' + x(i).toFixed(1) + '" cy="' + y(Number(p.total)).toFixed(1) + '"/>').join('')
    + '<text x="' + pad + '" y="' + (h - 2) + '" font-size="12">' + first + '</text>'
    + '<text x="' + (w - pad) + '" y="' + (h - 2) + '" font-size="12" text-anchor="end">' + last + '</text>'
    + '<text x="' + pad + '" y="14" font-size="12">' + grams(points[points.length - 1].total) + '</text></svg>';
}

// Server-sent events read with fetch, so that a refusal (the session ended) is seen as such.
async function listen() {
  while (true) {
    try {
      const response = await fetch('/api/dashboard/events',
        { headers: { 'Accept': 'text/event-stream', 'X-Requested-With': 'fetch', 'X-Background': '1' } });
      if (response.status === 401) { sessionEnded(); return; }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      $('live').textContent = 'live';
      $('live').className = 'badge ok';
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.includes('PRICING_CHANGED') || event.includes('PRICE_PUBLISHED')) {
            refreshPricing();
            refreshPrice([]);
          }
          if (event.includes('INTEGRITY_CHANGED')) {
            refreshIntegrity();
            refresh();
          }
          if (event.includes('PURCHASE_INGESTED')) {
            // one refresh for a burst of events: a timer that restarted on every event would never fire
            if (!state.refreshTimer) {
              state.refreshTimer = setTimeout(() => { state.refreshTimer = null; refresh(); }, 300);
            }
          }
        }
      }
    } catch (e) {
      // fall through to the reconnect below
    }
    $('live').textContent = 'reconnecting';
    $('live').className = 'badge warn';
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

async function exportCsv() {
  const response = await fetch('/api/ledger/purchases.csv', { headers: { 'X-Requested-With': 'fetch' } });
  if (!response.ok) { show('Export refused: HTTP ' + response.status); return; }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'reserve-ledger.csv';
  a.click();
  URL.revokeObjectURL(url);
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try { await logIn($('username').value.trim(), $('password').value); } catch (err) { show(err.message); }
});
$('logout').addEventListener('click', () => {
  // the identity provider's session ends at the provider too, which then sends the browser back here
  if (state.me && state.me.via === 'identity-provider') { location.assign('/dashboard/oidc-logout'); return; }
  fetch('/api/session', { method: 'DELETE', headers: { 'X-Requested-With': 'fetch' } })
    .finally(() => location.replace(location.pathname));
});
$('csv').addEventListener('click', exportCsv);
$('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  proposeAboutKey('/api/station-keys', { stationId: $('k-station').value.trim(), region: $('k-region').value.trim(),
    publicKey: $('k-public').value.trim(), reason: $('k-reason').value.trim() },
  (key) => 'Key ' + key.keyId + ' proposed for station ' + key.stationId + ': another treasury user approves it.',
  $('key-form'));
});
$('revocation-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const keyId = $('r-key').value;
  proposeAboutKey('/api/station-keys/' + keyId + '/revocation', { reason: $('r-reason').value.trim() },
    () => 'Revocation of key ' + keyId + ' proposed: another treasury user confirms it.', $('revocation-form'));
});
$('policy-form').addEventListener('submit', (e) => { e.preventDefault(); proposePolicy(); });
$('seller-search').addEventListener('submit', (e) => { e.preventDefault(); $('sellers-error').hidden = true; refreshSellers(); });
$('manual-form').addEventListener('submit', (e) => { e.preventDefault(); proposeManualPrice(); });
// a session still open (a reload, a second tab) goes straight to the dashboard; otherwise the login form stays
if (new URLSearchParams(location.search).has('session-ended')) {
  show('Your session has ended (logged out, or the centre restarted): log in again.');
}
api('/api/me').then(enter).catch(() => {});
// the bank's identity provider where the centre has one; passwords only where accounts exist (local network, tests)
api('/api/login-options').then((options) => {
  $('idp-login').hidden = !options.identityProvider;
  $('login-form').hidden = !options.password;
}).catch(() => {});
