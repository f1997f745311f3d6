// index.html's entry: the sign-in screen, and any window that opens signed out. The signed-in side
// comes later, as a chunk of its own (startWindow fetches it at boot).
import { startWindow } from './start-window';

startWindow();
