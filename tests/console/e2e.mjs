// e2e.mjs — impostor-console in a real headless Chromium (playwright-core,
// the system's /usr/bin/chromium). Run by check-console.sh, which starts the
// console over a seeded store and passes:
//   BASE_URL    http://127.0.0.1:PORT
//   SEED_IDS    JSON {"hostile": id, "bulletin": id, "ja": id, "notice": id, "clean": id}
//   USERS       JSON {"admin": [name, pw], "operator": [...], "viewer": [...]}
//   SINK_DIR    directory smtp-sink writes delivered mail to ("" = no sink)
//   SHOT_DIR    where screenshots go
// Prints "ok - …" / "not ok - …" per check; exits 1 if any failed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BASE = process.env.BASE_URL;
const IDS = JSON.parse(process.env.SEED_IDS);
const USERS = JSON.parse(process.env.USERS);
const SINK = process.env.SINK_DIR || '';
const SHOTS = process.env.SHOT_DIR;

let failed = 0;
function check(desc, cond, detail = '') {
  if (cond) console.log(`ok - ${desc}`);
  else {
    failed++;
    console.log(`not ok - ${desc}${detail ? ' # ' + String(detail).slice(0, 300) : ''}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// A browser context that records every dialog, console message, page error
// and request that leaves 127.0.0.1 (those are aborted, never sent).
async function newSession() {
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
  const log = { dialogs: [], console: [], errors: [], outside: [] };
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    log.outside.push(url.href);
    return route.abort();
  });
  const page = await ctx.newPage();
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('console', (m) => log.console.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  return { ctx, page, log };
}

async function login(page, [name, password]) {
  await page.goto(`${BASE}/login`);
  await page.fill('input[name=user]', name);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}
const csrfOf = (page) => page.getAttribute('input[name=csrf]', 'value');
const stateOf = async (page, id) => {
  await page.goto(`${BASE}/messages/${id}`);
  return (await page.textContent('.badge[class*="state-"]')).trim();
};
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true });

try {
  // ---- anonymous ------------------------------------------------------------
  const anon = await newSession();
  const r0 = await anon.ctx.request.get(`${BASE}/messages`, { maxRedirects: 0 });
  check('anonymous GET /messages is redirected to /login',
    r0.status() === 303 && r0.headers()['location'] === '/login', `${r0.status()} ${r0.headers()['location']}`);
  const r1 = await anon.ctx.request.get(`${BASE}/messages/${IDS.hostile}/raw`, { maxRedirects: 0 });
  check('anonymous raw source is redirected to /login', r1.status() === 303);
  const r2 = await anon.ctx.request.get(`${BASE}/no/such/page`, { maxRedirects: 0 });
  check('anonymous unknown path is redirected to /login', r2.status() === 303);
  const lr = await anon.page.goto(`${BASE}/login`);
  const h = lr.headers();
  check('login page carries CSP, nosniff, X-Frame-Options, Referrer-Policy',
    /default-src 'none'/.test(h['content-security-policy'] || '') && /frame-ancestors 'none'/.test(h['content-security-policy'])
      && h['x-content-type-options'] === 'nosniff' && h['x-frame-options'] === 'DENY' && h['referrer-policy'] === 'same-origin',
    JSON.stringify(h));
  await shot(anon.page, '01-login.png');
  await anon.page.fill('input[name=user]', USERS.admin[0]);
  await anon.page.fill('input[name=password]', 'wrong password');
  await Promise.all([anon.page.waitForNavigation(), anon.page.click('button[type=submit]')]);
  check('a wrong password is refused', anon.page.url().endsWith('/login') &&
    (await anon.page.textContent('.error')).includes('Wrong'));

  // ---- admin: list, filter, read ---------------------------------------------
  const adm = await newSession();
  await login(adm.page, USERS.admin);
  check('admin signs in and lands on the message list', adm.page.url().endsWith('/messages'), adm.page.url());
  const cookies = await adm.ctx.cookies();
  const sc = cookies.find((c) => c.name === 'impostor_session');
  check('the session cookie is HttpOnly and SameSite=Strict', sc && sc.httpOnly && sc.sameSite === 'Strict', JSON.stringify(sc));
  const rows = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('the list shows every seeded message', Object.values(IDS).every((id) => rows.includes(id)), rows.join(','));
  const times = await adm.page.$$eval('#messages tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
  check('the list is newest first', times.join() === [...times].sort().reverse().join());
  check('family counts are shown', (await adm.page.textContent('.chips')).includes('fake-bulletin'));
  await shot(adm.page, '02-list.png');

  await adm.page.selectOption('select[name=family]', 'fake-bulletin');
  await Promise.all([adm.page.waitForNavigation(), adm.page.click('form.filters button[type=submit]')]);
  const fam = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('filtering by family shows only that family', fam.length === 1 && fam[0] === IDS.bulletin, fam.join(','));
  await adm.page.goto(`${BASE}/messages?sender=prize-office`);
  const snd = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('filtering by sender works', snd.includes(IDS.hostile) && !snd.includes(IDS.bulletin), snd.join(','));

  await adm.page.goto(`${BASE}/messages?q=${encodeURIComponent('当選')}`);
  const ja = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('searching in Japanese finds the Japanese lottery only', ja.includes(IDS.ja) && !ja.includes(IDS.bulletin), ja.join(','));

  // ---- the hostile HTML message ----------------------------------------------
  adm.log.outside.length = 0;
  await adm.page.goto(`${BASE}/messages/${IDS.hostile}`);
  await adm.page.waitForSelector('#html-body');
  const frameEl = await adm.page.$('#html-body');
  const frame = await frameEl.contentFrame();
  await frame.waitForLoadState('load');
  await sleep(1000);
  const sandbox = await frameEl.getAttribute('sandbox');
  check('the HTML body is in an iframe sandboxed without allow-scripts', sandbox !== null && !sandbox.includes('allow-scripts'), sandbox);
  check('the subject shows the RTL override visibly', (await adm.page.textContent('#subject')).includes('U+202E'));
  check('rule evidence is highlighted in the text', (await adm.page.$$('#text-body mark')).length > 0);
  check('Japanese text is rendered', (await adm.page.textContent('#text-body')).includes('宝くじ'));
  const frameText = await frame.textContent('body');
  check('the sanitised HTML keeps the readable text', frameText.includes('Congratulations') && frameText.includes('マイクロソフト'));
  check('links are shown with their real target, not live',
    frameText.includes('login.micros0ft.example') && (await frame.$$('a[href]')).length === 0);
  check('no script ran: no dialog', adm.log.dialogs.length === 0, adm.log.dialogs.join('|'));
  const pagePwned = await adm.page.evaluate(() => typeof window.__pwned);
  let framePwned = 'undefined';
  try { framePwned = await frame.evaluate(() => typeof window.__pwned); } catch (e) { framePwned = 'undefined'; }
  check('no script ran: no global set in the page or the frame', pagePwned === 'undefined' && framePwned === 'undefined', `${pagePwned}/${framePwned}`);
  check('no script ran: no form, script, svg or iframe in the frame',
    (await frame.$$('script, form, input, svg, iframe, object, [onerror], [onload]')).length === 0);
  check('nothing was fetched from outside (remote images blocked, CSS url() removed)',
    adm.log.outside.length === 0, adm.log.outside.join(' '));
  check('no page error', adm.log.errors.length === 0, adm.log.errors.join('|'));
  await shot(adm.page, '03-message-hostile.png');
  await frameEl.screenshot({ path: path.join(SHOTS, '03b-html-frame.png') });
  const fr = await adm.ctx.request.get(`${BASE}/messages/${IDS.hostile}/html`);
  const fcsp = fr.headers()['content-security-policy'] || '';
  check('the frame is served with a CSP sandbox and no script source',
    /sandbox/.test(fcsp) && !/script-src/.test(fcsp) && /default-src 'none'/.test(fcsp), fcsp);

  await Promise.all([adm.page.waitForNavigation(), adm.page.click('#load-images')]);
  await sleep(1500);
  check('remote images are requested only after "Load images"',
    adm.log.outside.some((u) => u.includes('tracker.evil.example')) && !adm.log.outside.some((u) => u.includes('evil.example/') && !u.includes('tracker')),
    adm.log.outside.join(' '));
  check('still no dialog after loading images', adm.log.dialogs.length === 0);

  // An attachment whose name carries CR LF, a header and a path.
  const evil = await adm.ctx.request.post(`${BASE}/messages/${IDS.hostile}/attachments/0`,
    { form: { csrf: await csrfOf(adm.page) } });
  const evilCd = evil.headers()['content-disposition'] || '';
  const plainName = (evilCd.match(/filename="([^"]*)"/) || [])[1] || '';
  check('a hostile attachment name cannot inject headers or a path into the download',
    evil.status() === 200 && !/[\r\n]/.test(evilCd) && !('set-cookie' in evil.headers())
      && plainName !== '' && !/[\/"]/.test(plainName) && !plainName.includes('..' + '/'),
    JSON.stringify(evil.headers()));
  const attName = await adm.page.textContent('#attachments td.fname');
  check('the attachment name shows its line breaks as U+000D U+000A, not as lines',
    attName.includes('U+000DU+000ASet-Cookie') && !attName.includes('\n'), attName);
  const raw = await adm.ctx.request.get(`${BASE}/messages/${IDS.hostile}/raw`);
  check('raw source is text/plain with nosniff',
    raw.headers()['content-type'].startsWith('text/plain') && raw.headers()['x-content-type-options'] === 'nosniff'
      && (await raw.text()).includes('<script>'));

  // ---- attachments -------------------------------------------------------------
  await adm.page.goto(`${BASE}/messages/${IDS.bulletin}`);
  const attText = await adm.page.textContent('#attachments');
  check('attachments are listed with type, size and SHA-256', /\.exe/.test(attText) && /[0-9a-f]{64}/.test(attText), attText);
  const [download] = await Promise.all([adm.page.waitForEvent('download'), adm.page.click('#attachments button')]);
  check('an attachment downloads only as a file', !!download && (await download.path()) !== null, download && download.suggestedFilename());
  const dl = await adm.ctx.request.post(`${BASE}/messages/${IDS.bulletin}/attachments/0`, { form: { csrf: await csrfOf(adm.page) } });
  check('the download is application/octet-stream with Content-Disposition: attachment',
    dl.headers()['content-type'] === 'application/octet-stream' && /^attachment;/.test(dl.headers()['content-disposition']),
    JSON.stringify(dl.headers()));
  const nocsrf = await adm.ctx.request.post(`${BASE}/messages/${IDS.bulletin}/attachments/0`, { form: {} });
  check('a download without the CSRF token is refused', nocsrf.status() === 403);
  await shot(adm.page, '04-message-bulletin.png');

  // ---- CSRF --------------------------------------------------------------------
  const forged = await adm.ctx.request.post(`${BASE}/actions`, { form: { action: 'release', ids: IDS.notice } });
  check('a POST without a CSRF token is refused (403)', forged.status() === 403, forged.status());
  const forged2 = await adm.ctx.request.post(`${BASE}/actions`, { form: { action: 'delete', ids: IDS.notice, csrf: 'x'.repeat(43) } });
  check('a POST with a wrong CSRF token is refused (403)', forged2.status() === 403, forged2.status());
  const xorigin = await adm.ctx.request.post(`${BASE}/actions`, {
    form: { action: 'delete', ids: IDS.notice, csrf: await csrfOf(adm.page) }, headers: { Origin: 'https://evil.example' } });
  check('a POST from another origin is refused (403)', xorigin.status() === 403, xorigin.status());
  check('the message is untouched by refused POSTs', (await stateOf(adm.page, IDS.notice)) === 'quarantined');

  // ---- viewer and operator -----------------------------------------------------
  const vw = await newSession();
  await login(vw.page, USERS.viewer);
  await vw.page.goto(`${BASE}/messages/${IDS.notice}`);
  check('a viewer sees no release button', (await vw.page.$$('button[value=release]')).length === 0);
  const vpost = await vw.ctx.request.post(`${BASE}/actions`, { form: { action: 'release', ids: IDS.notice, csrf: await csrfOf(vw.page) } });
  check('a viewer cannot release (403)', vpost.status() === 403, vpost.status());
  check('the message stays quarantined after the viewer tried', (await stateOf(vw.page, IDS.notice)) === 'quarantined');
  const vusers = await vw.ctx.request.get(`${BASE}/users`);
  check('a viewer cannot open the accounts page', vusers.status() === 403);

  const op = await newSession();
  await login(op.page, USERS.operator);
  await op.page.goto(`${BASE}/messages/${IDS.bulletin}`);
  check('an operator sees release disabled for an executable update',
    await op.page.isDisabled('button[value=release]'));
  const opost = await op.ctx.request.post(`${BASE}/actions`, { form: { action: 'release', ids: IDS.bulletin, csrf: await csrfOf(op.page) } });
  check('an operator cannot release an executable update', opost.status() === 409 && (await opost.text()).includes('only an admin'));
  check('the refused release is in the audit trail', (await stateOf(op.page, IDS.bulletin)) === 'quarantined'
    && (await op.page.textContent('#audit')).includes('release-refused'));

  // ---- release, not a scam, delete ----------------------------------------------
  await op.page.goto(`${BASE}/messages/${IDS.notice}`);
  await Promise.all([op.page.waitForNavigation(), op.page.click('button[value=release]')]);
  check('an operator releases a message', (await op.page.textContent('#results')).includes('released'));
  await shot(op.page, '05-results.png');
  check('the store says released, and the audit trail names the operator',
    (await stateOf(op.page, IDS.notice)) === 'released' && (await op.page.textContent('#audit')).includes(`console:${USERS.operator[0]}`));
  if (SINK) {
    let delivered = '';
    for (let i = 0; i < 40 && !delivered; i++) {
      for (const f of fs.readdirSync(SINK)) {
        const body = fs.readFileSync(path.join(SINK, f), 'utf8');
        if (body.includes('postfix-test-notice@prize-office.example')) delivered = body;
      }
      if (!delivered) await sleep(250);
    }
    check('the released message is delivered to the relay', delivered.includes('X-Impostor-Released:'), delivered.slice(0, 200));
  }

  await adm.page.goto(`${BASE}/messages/${IDS.clean}`);
  await Promise.all([adm.page.waitForNavigation(), adm.page.click('button[value=not-scam]')]);
  check('"not a scam" releases and records', (await adm.page.textContent('#results')).includes('not a scam'));
  await adm.page.goto(`${BASE}/false-positives`);
  check('the false positive is listed for rule authors', (await adm.page.content()).includes(`/messages/${IDS.clean}`));
  await shot(adm.page, '06-false-positives.png');

  // ---- campaigns (from the index check-console.sh rebuilt) -----------------------
  await adm.page.goto(`${BASE}/campaigns`);
  const camps = await adm.page.$$eval('#campaigns tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('the campaigns page lists the indexed campaigns', camps.length >= 1 && camps.every(Boolean), camps.join(','));
  // The Japanese lottery's campaign: the one whose members include IDS.ja.
  let jaCampaign = '';
  for (const c of camps) {
    await adm.page.goto(`${BASE}/campaigns/${c}`);
    if (await adm.page.$(`#members tr[data-id="${IDS.ja}"]`)) { jaCampaign = c; break; }
  }
  check('opening a campaign shows its members, linked to their messages', jaCampaign !== ''
    && (await adm.page.$(`#members a[href="/messages/${IDS.ja}"]`)) !== null, camps.join(','));
  check('the campaign page shows a daily trend and its indicators',
    (await adm.page.$$('svg.trend rect')).length >= 1 && (await adm.page.textContent('#indicators')).includes('Sender domains'));
  await shot(adm.page, '06b-campaign.png');
  await Promise.all([adm.page.waitForNavigation(), adm.page.click('a[href^="/messages?campaign="]')]);
  const inCampaign = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('"Show in the message list" filters the list to the campaign\'s members',
    inCampaign.includes(IDS.ja) && !inCampaign.includes(IDS.bulletin) && !inCampaign.includes(IDS.clean),
    inCampaign.join(','));
  const forgedCampaign = await adm.ctx.request.get(`${BASE}/messages?campaign=${encodeURIComponent("c-1' OR 1=1 --")}`);
  check('a malformed campaign filter is ignored, not passed on', forgedCampaign.status() === 200);
  const vcamp = await vw.ctx.request.post(`${BASE}/campaigns/${jaCampaign}/actions`,
    { form: { action: 'delete', csrf: await csrfOf(vw.page) } });
  check('a viewer cannot act on a whole campaign (403)', vcamp.status() === 403, vcamp.status());
  const nocsrfCamp = await adm.ctx.request.post(`${BASE}/campaigns/${jaCampaign}/actions`, { form: { action: 'delete' } });
  check('a campaign action without the CSRF token is refused (403)', nocsrfCamp.status() === 403, nocsrfCamp.status());
  await adm.page.goto(`${BASE}/campaigns/${jaCampaign}`);
  await Promise.all([adm.page.waitForNavigation(), adm.page.click('button[value=delete]')]);
  check('an admin deletes a whole campaign', (await adm.page.textContent('#results')).includes('deleted'));
  await adm.page.goto(`${BASE}/messages`);
  const afterCamp = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('the campaign\'s members leave the list and are deleted',
    !afterCamp.includes(IDS.ja) && afterCamp.includes(IDS.hostile) && (await stateOf(adm.page, IDS.ja)) === 'deleted'
      && (await adm.page.textContent('#audit')).includes(`console:${USERS.admin[0]}`), afterCamp.join(','));

  await adm.page.goto(`${BASE}/messages`);
  await adm.page.check(`input[name=ids][value="${IDS.bulletin}"]`);
  await adm.page.check(`input[name=ids][value="${IDS.hostile}"]`);
  await Promise.all([adm.page.waitForNavigation(), adm.page.click('button[value=delete]')]);
  const del = await adm.page.textContent('#results');
  check('a selection of two is deleted in one action', (del.match(/deleted/g) || []).length === 2, del);
  await adm.page.goto(`${BASE}/messages`);
  const left = await adm.page.$$eval('#messages tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check('deleted messages leave the list', !left.includes(IDS.bulletin) && !left.includes(IDS.hostile), left.join(','));
  await adm.page.goto(`${BASE}/users`);
  check('an admin sees the accounts page', (await adm.page.textContent('#users')).includes(USERS.viewer[0]));
  await shot(adm.page, '07-users.png');

  // ---- sign out, throttling ------------------------------------------------------
  await Promise.all([adm.page.waitForNavigation(), adm.page.click('.who button')]);
  const after = await adm.ctx.request.get(`${BASE}/messages`, { maxRedirects: 0 });
  check('after signing out the session no longer works', after.status() === 303);

  const thr = await newSession();
  let last = 0;
  for (let i = 0; i < 6; i++) {
    await thr.page.goto(`${BASE}/login`);
    await thr.page.fill('input[name=user]', 'mallory');
    await thr.page.fill('input[name=password]', `guess-${i}`);
    const [resp] = await Promise.all([thr.page.waitForNavigation(), thr.page.click('button[type=submit]')]);
    last = resp.status();
  }
  check('repeated failed sign-ins are throttled (429)', last === 429, last);
} catch (e) {
  check('the end-to-end run finished without an exception', false, e.stack || e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
