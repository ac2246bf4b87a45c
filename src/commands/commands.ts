// Ribbon function commands (see <FunctionName> in manifest.xml). They are registered now so the
// ribbon buttons exist and the manifest can be checked; the sheet operations arrive with the
// Office.js adapter (issue #4). Until then each completes at once so Excel does not wait on it.
function completeNow(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  // Nothing to initialise yet, but Office treats the add-in as initialised only once onReady is used.
});

Office.actions.associate('validateActiveSheet', completeNow);
Office.actions.associate('refreshOverview', completeNow);
