// The Cloud API double lives in @app/whatsapp-double (the WhatsApp sandbox runs the same core); tests import
// it from here as before.
export { startFakeCloudApi, type FakeCloudApi, type RecordedRequest, type ScriptedResponse } from '@app/whatsapp-double';
