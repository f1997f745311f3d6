// Typed context for the window's BootState: App sets it; the signed-out screens, and every part
// shared with the signed-in side (dialogs, the server chooser, Set password), read it.

import { createContext } from 'svelte';
import type { BootState } from './boot-state.svelte';

export const [useBoot, provideBoot] = createContext<BootState>();
