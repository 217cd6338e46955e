// Put before coi-serviceworker in the site's coi-serviceworker.js (scripts/build-page.mjs). In the
// service worker, the chunk files of the output (container/chunks/<sha256>.gz) go straight to the
// network: this listener runs first and stops the event, and a fetch event nobody answers with
// respondWith is fetched by the browser as if no service worker were there
// (https://w3c.github.io/ServiceWorker/#handle-fetch). They need none of the headers coi-serviceworker
// adds (COEP require-corp blocks only cross-origin responses without CORP; these are same-origin), and
// passing 100+ MB through the service worker's JavaScript (it re-wraps every body in a new Response)
// cost seconds of CPU per visit.
/* global self */
if (typeof window === 'undefined') {
  self.addEventListener('fetch', (event) => {
    if (/\/container\/chunks\/[0-9a-f]{64}\.gz$/.test(new URL(event.request.url).pathname)) {
      event.stopImmediatePropagation();
    }
  });
}
