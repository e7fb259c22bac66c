/** The playground's HTML shell; everything in it is drawn by client/main.ts. */
export function pageHtml(implLabel: string): string {
  const escaped = implLabel.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>backprop playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header><h1>backprop playground</h1><span class="impl" title="the folder whose code runs here">${escaped}</span></header>
<div id="banner" role="alert" hidden></div>
<main id="app" data-impl="${escaped}"><noscript>The playground needs JavaScript.</noscript></main>
<script src="/app.js"></script>
</body>
</html>
`;
}
