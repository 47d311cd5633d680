// Swagger UI for the Klaster API contract (served from the swagger-ui webjar; no CDN).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
