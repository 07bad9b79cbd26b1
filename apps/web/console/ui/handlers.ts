/**
 * Event handlers for acts that take time: the form is not sent the browser's way, and the act's
 * promise is the act's own business (its state shows how it went), not the event's.
 */
export function submitted(act: () => Promise<unknown>): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    void act();
  };
}

export function clicked(act: () => Promise<unknown>): () => void {
  return () => {
    void act();
  };
}
