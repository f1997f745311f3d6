// A stand-in for Stripe.js (https://js.stripe.com/…/stripe.js), the one third-party boundary the
// live card window crosses; Stripe cannot be reached from here. It plays Stripe's shape: `Stripe(pk)`
// → `elements({mode:'setup', …})` → a Payment Element that mounts an iframe on js.stripe.com whose
// fields hold the card; `elements.submit()` and `createPaymentMethod({elements})` ask that frame,
// which answers with a PaymentMethod (id, brand, last four, expiry) and never the number, as
// Stripe's frames do. The test routes both URLs to these bodies.

/** Served for https://js.stripe.com/<train>/stripe.js. */
export const stripeJsStandIn = `
(() => {
  const frameOrigin = 'https://js.stripe.com';
  function Stripe(publishableKey) {
    if (!/^pk_(live|test)_/.test(publishableKey)) throw new Error('Invalid publishable key');
    let frame;
    const ask = (type) => new Promise((resolve) => {
      const onMessage = (event) => {
        if (event.origin !== frameOrigin || event.data?.answerTo !== type) return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      window.addEventListener('message', onMessage);
      frame.contentWindow.postMessage({ type }, frameOrigin);
    });
    const elements = (options) => {
      window.__stripeStandIn = { publishableKey, elementsOptions: options };
      return {
        create(kind) {
          const handlers = {};
          return {
            on(name, handler) { handlers[name] = handler; },
            mount(target) {
              frame = document.createElement('iframe');
              frame.src = frameOrigin + '/stand-in/payment-element.html';
              frame.title = 'Secure card payment input frame';
              frame.style.cssText = 'width:100%;height:190px;border:0';
              frame.addEventListener('load', () => handlers.ready?.({ elementType: kind }));
              target.appendChild(frame);
            },
          };
        },
        async submit() {
          const answer = await ask('submit');
          return answer.error ? { error: answer.error } : {};
        },
      };
    };
    return {
      elements,
      async createPaymentMethod() {
        const answer = await ask('createPaymentMethod');
        return answer.error ? { error: answer.error } : { paymentMethod: answer.paymentMethod };
      },
      _registerWrapper() {},
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
`;

/** Served for the stand-in's card frame: the number is typed here, on Stripe's origin. */
export const paymentElementFrame = `<!doctype html>
<html><body style="font-family:system-ui;margin:0">
<label>Card number <input id="number" autocomplete="off"></label><br>
<label>Expiration <input id="expiry" placeholder="MM / YY"></label>
<label>CVC <input id="cvc"></label>
<script>
  const digits = () => document.getElementById('number').value.replace(/\\s/g, '');
  const brandOf = (n) => n.startsWith('4') ? 'visa' : /^5[1-5]/.test(n) ? 'mastercard' : /^3[47]/.test(n) ? 'amex' : 'unknown';
  window.addEventListener('message', (event) => {
    const n = digits();
    const [month, year] = document.getElementById('expiry').value.split('/').map((s) => Number(s.trim()));
    const incomplete = n.length < 12 || !month || !year || document.getElementById('cvc').value.length < 3;
    const reply = { answerTo: event.data.type };
    if (incomplete) reply.error = { type: 'validation_error', message: 'Your card number is incomplete.' };
    else if (n === '4000000000000002') reply.error = { type: 'card_error', message: 'Your card was declined.' };
    else if (event.data.type === 'createPaymentMethod')
      reply.paymentMethod = { id: 'pm_1StandIn' + n.slice(-4) + 'Live', type: 'card',
        card: { brand: brandOf(n), last4: n.slice(-4), exp_month: month, exp_year: 2000 + year } };
    event.source.postMessage(reply, event.origin);
  });
</script></body></html>`;
