import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { parseLang } from './lib/i18n.ts';
import { url } from './lib/url-state.svelte.ts';

// The language is part of the view: write the browser's default into the URL once, so a
// copied link opens in the same language for whoever receives it.
if (!parseLang(url.get('lang'))) url.update({ lang: url.lang }, { replace: true });

mount(App, { target: document.getElementById('app')! });
