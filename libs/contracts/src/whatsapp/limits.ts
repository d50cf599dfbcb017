// Limits of the Cloud API's send endpoint (../shared/WHATSAPP.md). A payload over any of them is refused by
// Meta with code 100/131008/131009, so we refuse it before it is ever queued.
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  headerText: 60,
  footerText: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listSections: 10,
  listRowsTotal: 10,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  listSectionTitle: 24,
  caption: 1024,
  bizOpaqueCallbackData: 512,
} as const;
