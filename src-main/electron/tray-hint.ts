// The first time closing the window hides it to the tray, one notification says the app is still
// running there (closing usually quits an app; without it, people think it crashed or never find
// it). Once per profile: the settings remember it was shown.

export interface TrayHintDeps {
  wasShown: () => boolean;
  markShown: () => void;
  notify: (message: { title: string; body: string }) => void;
}

export const trayHintMessage = {
  title: 'GreenCloud Desktop is still running',
  body: 'It keeps checking your quota from the tray. To stop it, choose Quit in the tray menu.',
};

/** Returns the function to call each time the window hides to the tray. */
export function createTrayHint(deps: TrayHintDeps): () => void {
  return () => {
    if (deps.wasShown()) return;
    deps.markShown();
    deps.notify(trayHintMessage);
  };
}
