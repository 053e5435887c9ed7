// Time labels for chart axes and tooltips (local time, 24 h).
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayClock = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

export const clockTime = (ms: number): string => (Number.isFinite(ms) ? clock.format(new Date(ms)) : '');
export const dayTime = (ms: number): string => (Number.isFinite(ms) ? dayClock.format(new Date(ms)) : '');
