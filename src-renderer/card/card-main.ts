// The card window's entry. A separate page from the app: it has no `window.greencloud`, only the
// card preload's `window.cardEntry.finish`, and it reads what to show from its own URL.
import { mount } from 'svelte';
import '../styles/app.css';
import { readCardWindowQuery } from '../../src-main/common/card-window-config';
import CardWindow from './CardWindow.svelte';

const target = document.getElementById('card');
if (target) mount(CardWindow, { target, props: { config: readCardWindowQuery(location.search) } });
