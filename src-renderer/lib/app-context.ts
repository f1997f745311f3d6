// Typed context for the one AppState of this window: App sets it, every view reads it.

import { createContext } from 'svelte';
import type { AppState } from './app-state.svelte';

export const [useApp, provideApp] = createContext<AppState>();
