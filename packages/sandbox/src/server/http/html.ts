import type { HostedResponse } from './route';

/** The sandbox's hosted pages: plain HTML forms, labelled as not Stripe's. */
export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Sandbox</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1a1f36}
main{max-width:560px;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
.banner{background:#fff3cd;border:1px solid #e0b400;padding:.5rem 1rem;border-radius:4px;font-weight:600}
label{display:block;margin-top:1rem;font-weight:500}
input,select{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1.5rem;padding:.75rem 1.5rem;font:inherit;background:#635bff;color:#fff;border:0;border-radius:4px}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.25rem;border-bottom:1px solid #eee}
</style>
</head>
<body>
<main>
<p class="banner" role="note">Sandbox — not a real Stripe page</p>
${content}
</main>
</body>
</html>`;
}

export const html = (status: number, body: string): HostedResponse => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});
export const redirect = (location: string): HostedResponse => ({
  status: 303,
  headers: { Location: location },
  body: '',
});

export function field(name: string, label: string, value: string, type = 'text') {
  return `<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${escapeHtml(value)}" required>`;
}
