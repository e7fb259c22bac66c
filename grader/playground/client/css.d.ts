// esbuild bundles imported stylesheets into the page's app.css.
declare module "*.css";
