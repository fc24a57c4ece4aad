// Yandex Metrika's counter (docs/metrika.md), loaded only when YANDEX_METRIKA_ID is set. This is the
// loader Yandex publishes, moved out of the page so the CSP needs no inline script, with the page view
// sent by hand: the server may give an address to report instead of the real one (an order page's
// address is the key to the order). A paid order's `purchase` is in data-purchase only on the one
// page view the server chose to carry it (once per order).
(function () {
  const tag = document.currentScript;
  if (!tag) return;
  const id = Number(tag.getAttribute('data-counter'));
  const standIn = tag.getAttribute('data-page-url');
  const pageUrl = standIn || location.href;
  const purchase = tag.getAttribute('data-purchase');

  window.dataLayer = window.dataLayer || [];
  if (purchase) {
    const { id: orderId, name, price } = JSON.parse(purchase);
    window.dataLayer.push({
      ecommerce: {
        currencyCode: 'RUB',
        purchase: { actionField: { id: orderId, revenue: price }, products: [{ id: orderId, name, price, quantity: 1 }] },
      },
    });
  }

  window.ym =
    window.ym ||
    function () {
      (window.ym.a = window.ym.a || []).push(arguments);
    };
  window.ym.l = Date.now();
  const script = document.createElement('script');
  script.async = true;
  script.src = tag.getAttribute('data-tag');
  document.head.appendChild(script);

  // defer: no automatic hit with the real address; the hit below says which address to count. On a page
  // with a stand-in address the click map, link and bounce tracking stay off: they report the page's
  // own address.
  const tracking = !standIn;
  window.ym(id, 'init', { defer: true, clickmap: tracking, trackLinks: tracking, accurateTrackBounce: tracking, ecommerce: 'dataLayer' });
  window.ym(id, 'hit', pageUrl, { title: document.title, referer: document.referrer });
})();
