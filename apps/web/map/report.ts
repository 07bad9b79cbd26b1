import type { ProblemReasonName, ProblemReport } from '@albergue/contracts';
import type { MessageKey } from '@albergue/i18n';

/**
 * "They turned me away", "nobody answers", "it was closed": one tap in the detail sheet sends a
 * report (`POST /reports`) with the shelter and the reason, nothing else: no location, no
 * account, no text. The server counts one per address, shelter and hour and thanks every one
 * the same way. What was said here is kept for this page's life, so that the sheet, drawn again
 * on every update, keeps the thanks.
 */
const said = new Map<string, 'report.thanks' | 'report.failed'>();

/** What the sheet says under its buttons: the thanks, a failure to try again, or nothing yet. */
export function reportStatus(shelterId: string): MessageKey | null {
  return said.get(shelterId) ?? null;
}

async function send(report: ProblemReport): Promise<boolean> {
  try {
    const response = await fetch('/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Sends a report when a reason's button is tapped, then draws the sheet again with the answer. */
export function listenForReports(redraw: () => void): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('.report-reason');
    const { shelterId, reason } = button?.dataset ?? {};
    if (!button || !shelterId || !reason || button.disabled) {
      return;
    }
    button.disabled = true;
    void send({ shelterId, reason: reason as ProblemReasonName }).then((ok) => {
      said.set(shelterId, ok ? 'report.thanks' : 'report.failed');
      redraw();
      document.getElementById('report-status')?.focus();
    });
  });
}
