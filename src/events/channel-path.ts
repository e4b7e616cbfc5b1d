/** The event channel's path, appended to `wsURL` (asyncapi.yaml `channels.confctl.address`): one value for the client and the fake. */
export const CHANNEL_PATH = "/cms/open/websocket/confctl/increment/conn";
