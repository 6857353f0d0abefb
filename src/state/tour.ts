/** Whether the first-run tour was taken or dismissed in this browser (then it is not offered again). */
const KEY = 'mlops-workbench.tour-done';

export function tourDone(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return true; // Storage blocked: never nag on every load.
  }
}

export function markTourDone(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Not remembered; the welcome closes for this visit anyway.
  }
}
