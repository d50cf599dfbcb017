// GENERATED from admin-api's OpenAPI document by services/admin-console/tools/api-types.ts. Do not edit:
// run `npm run api:types -w @app/admin-console`.
export interface paths {
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: who did what, when, from where */
        get: {
            parameters: {
                query?: {
                    action?: "auth.login_succeeded" | "auth.login_failed" | "user.created" | "user.updated" | "chat.started" | "chat.claimed" | "chat.message_sent" | "chat.ended" | "chat.template_sent" | "conversation.read" | "outbound.dead_letter_retried" | "outbound.resumed" | "parked_event.retried" | "parked_event.discarded";
                    actor_id?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; pass next_cursor as cursor= for older entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor_email: string;
                                actor_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                ip: string | null;
                                target: string | null;
                                user_agent: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for a short-lived bearer token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expires_at: string;
                            token: string;
                            user: {
                                /** @description null: shown to students and colleagues as the local part of the email */
                                display_name: string | null;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "agent";
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: invalid_credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: too_many_requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the user the token belongs to */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description null: shown to students and colleagues as the local part of the email */
                                display_name: string | null;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "agent";
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set or clear the display name students and colleagues see for the signed-in user */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        display_name: string | null;
                    };
                };
            };
            responses: {
                /** @description the user as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description null: shown to students and colleagues as the local part of the email */
                                display_name: string | null;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "agent";
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversations, most recent first, optionally only support chats of one status or matching a search */
        get: {
            parameters: {
                query?: {
                    chat_support?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                    /** @description matches the student's name, phone number, username or business-scoped user id */
                    q?: string;
                    status?: "none" | "waiting" | "active" | "ended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; next_cursor is null on the last */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                last_message: string | null;
                                last_message_time: string | null;
                                phone_number: string | null;
                                service_window_expires_at: string | null;
                                state: string;
                                student_name: string | null;
                                /** @enum {string} */
                                support_status: "none" | "waiting" | "active" | "ended";
                                unread_count: number;
                                user_id: string | null;
                                username: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/chat-support/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a waiting support chat */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the conversation, assigned to the caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                last_message: string | null;
                                last_message_time: string | null;
                                phone_number: string | null;
                                service_window_expires_at: string | null;
                                state: string;
                                student_name: string | null;
                                /** @enum {string} */
                                support_status: "none" | "waiting" | "active" | "ended";
                                unread_count: number;
                                user_id: string | null;
                                username: string | null;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: already_claimed | chat_not_active */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/chat-support/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the support chat (the student is told and gets the main menu) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description the conversation, back with the bot */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                last_message: string | null;
                                last_message_time: string | null;
                                phone_number: string | null;
                                service_window_expires_at: string | null;
                                state: string;
                                student_name: string | null;
                                /** @enum {string} */
                                support_status: "none" | "waiting" | "active" | "ended";
                                unread_count: number;
                                user_id: string | null;
                                username: string | null;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: chat_not_active */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/chat-support/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message to the student; a waiting chat is claimed by the sender */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description queued for WhatsApp; its status arrives as message.status events */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: {
                                agent_name: string | null;
                                /** @enum {string} */
                                author: "student" | "bot" | "agent" | "system";
                                /** Format: date-time */
                                created_at: string;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                error: {
                                    code: number;
                                    reason?: string;
                                    title: string;
                                } | null;
                                id: string;
                                media?: {
                                    caption: string | null;
                                    failure_reason: string | null;
                                    filename: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "image" | "document" | "audio" | "video";
                                    mime_type: string | null;
                                    size: number | null;
                                    /** @enum {string} */
                                    status: "pending" | "stored" | "failed";
                                } | null;
                                pricing?: {
                                    billable: boolean;
                                    category: string | null;
                                    type: string | null;
                                } | null;
                                /** @description Why a queued message is late: the sender's last attempt was refused with an error it retries (reason: pair_rate_limit, throughput or temporary; code: Meta's), and when the next attempt is due. Null once sent or failed; status stays queued meanwhile. */
                                retrying?: {
                                    attempt: number;
                                    code: number;
                                    /** Format: date-time */
                                    next_attempt_at: string;
                                    /** @enum {string} */
                                    reason: "pair_rate_limit" | "throughput" | "temporary";
                                } | null;
                                /** @enum {string} */
                                source?: "cloud_api" | "business_app";
                                /** @enum {string} */
                                status: "received" | "queued" | "sent" | "delivered" | "read" | "failed";
                                text: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: chat_not_active | already_claimed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: outside_service_window */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/chat-support/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a support chat with a student (the student is told a human joined) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description the conversation, in its support chat */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                last_message: string | null;
                                last_message_time: string | null;
                                phone_number: string | null;
                                service_window_expires_at: string | null;
                                state: string;
                                student_name: string | null;
                                /** @enum {string} */
                                support_status: "none" | "waiting" | "active" | "ended";
                                unread_count: number;
                                user_id: string | null;
                                username: string | null;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: outside_service_window */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/chat-support/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the school's approved re-engagement template: the one message WhatsApp delivers outside the 24-hour window */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description queued for WhatsApp; its status arrives as message.status events */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: {
                                agent_name: string | null;
                                /** @enum {string} */
                                author: "student" | "bot" | "agent" | "system";
                                /** Format: date-time */
                                created_at: string;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                error: {
                                    code: number;
                                    reason?: string;
                                    title: string;
                                } | null;
                                id: string;
                                media?: {
                                    caption: string | null;
                                    failure_reason: string | null;
                                    filename: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "image" | "document" | "audio" | "video";
                                    mime_type: string | null;
                                    size: number | null;
                                    /** @enum {string} */
                                    status: "pending" | "stored" | "failed";
                                } | null;
                                pricing?: {
                                    billable: boolean;
                                    category: string | null;
                                    type: string | null;
                                } | null;
                                /** @description Why a queued message is late: the sender's last attempt was refused with an error it retries (reason: pair_rate_limit, throughput or temporary; code: Meta's), and when the next attempt is due. Null once sent or failed; status stays queued meanwhile. */
                                retrying?: {
                                    attempt: number;
                                    code: number;
                                    /** Format: date-time */
                                    next_attempt_at: string;
                                    /** @enum {string} */
                                    reason: "pair_rate_limit" | "throughput" | "temporary";
                                } | null;
                                /** @enum {string} */
                                source?: "cloud_api" | "business_app";
                                /** @enum {string} */
                                status: "received" | "queued" | "sent" | "delivered" | "read" | "failed";
                                text: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/chat-support/typing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The admin is typing an answer: the student sees WhatsApp's typing indicator (at most one per 20 s per chat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description `{sent: false, reason}`: nothing sent, as one went out less than 20 s ago (throttled), the student wrote nothing to mark (no_inbound_message) or the 24-hour window is closed (outside_service_window) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            sent: true;
                        } | {
                            /** @enum {string} */
                            reason: "throttled" | "no_inbound_message" | "outside_service_window";
                            /** @constant */
                            sent: false;
                        };
                    };
                };
                /** @description `{sent: true}`: a typing indicator is queued for WhatsApp */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            sent: true;
                        } | {
                            /** @enum {string} */
                            reason: "throttled" | "no_inbound_message" | "outside_service_window";
                            /** @constant */
                            sent: false;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: chat_not_active */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation's messages: pages go back in time, each page oldest to newest */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; pass next_cursor as before= for older messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                agent_name: string | null;
                                /** @enum {string} */
                                author: "student" | "bot" | "agent" | "system";
                                /** Format: date-time */
                                created_at: string;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                error: {
                                    code: number;
                                    reason?: string;
                                    title: string;
                                } | null;
                                id: string;
                                media?: {
                                    caption: string | null;
                                    failure_reason: string | null;
                                    filename: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "image" | "document" | "audio" | "video";
                                    mime_type: string | null;
                                    size: number | null;
                                    /** @enum {string} */
                                    status: "pending" | "stored" | "failed";
                                } | null;
                                pricing?: {
                                    billable: boolean;
                                    category: string | null;
                                    type: string | null;
                                } | null;
                                /** @description Why a queued message is late: the sender's last attempt was refused with an error it retries (reason: pair_rate_limit, throughput or temporary; code: Meta's), and when the next attempt is due. Null once sent or failed; status stays queued meanwhile. */
                                retrying?: {
                                    attempt: number;
                                    code: number;
                                    /** Format: date-time */
                                    next_attempt_at: string;
                                    /** @enum {string} */
                                    reason: "pair_rate_limit" | "throughput" | "temporary";
                                } | null;
                                /** @enum {string} */
                                source?: "cloud_api" | "business_app";
                                /** @enum {string} */
                                status: "received" | "queued" | "sent" | "delivered" | "read" | "failed";
                                text: string | null;
                                type: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/conversations/{student}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the conversation read (its unread_count drops to 0); the console calls it on opening a thread */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the conversation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                last_message: string | null;
                                last_message_time: string | null;
                                phone_number: string | null;
                                service_window_expires_at: string | null;
                                state: string;
                                student_name: string | null;
                                /** @enum {string} */
                                support_status: "none" | "waiting" | "active" | "ended";
                                unread_count: number;
                                user_id: string | null;
                                username: string | null;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live updates as Server-Sent Events (authenticate with ?ticket= or a bearer header) */
        get: {
            parameters: {
                query?: {
                    /** @description from POST /api/admin/events/ticket; instead of a bearer header */
                    ticket?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description events named message.created, message.status, conversation.updated; each data line is this JSON; a comment every 15 s */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            conversation?: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                last_message: string | null;
                                last_message_time: string | null;
                                phone_number: string | null;
                                service_window_expires_at: string | null;
                                state: string;
                                student_name: string | null;
                                /** @enum {string} */
                                support_status: "none" | "waiting" | "active" | "ended";
                                unread_count: number;
                                user_id: string | null;
                                username: string | null;
                            };
                            message?: {
                                agent_name: string | null;
                                /** @enum {string} */
                                author: "student" | "bot" | "agent" | "system";
                                /** Format: date-time */
                                created_at: string;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                error: {
                                    code: number;
                                    reason?: string;
                                    title: string;
                                } | null;
                                id: string;
                                media?: {
                                    caption: string | null;
                                    failure_reason: string | null;
                                    filename: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "image" | "document" | "audio" | "video";
                                    mime_type: string | null;
                                    size: number | null;
                                    /** @enum {string} */
                                    status: "pending" | "stored" | "failed";
                                } | null;
                                pricing?: {
                                    billable: boolean;
                                    category: string | null;
                                    type: string | null;
                                } | null;
                                /** @description Why a queued message is late: the sender's last attempt was refused with an error it retries (reason: pair_rate_limit, throughput or temporary; code: Meta's), and when the next attempt is due. Null once sent or failed; status stays queued meanwhile. */
                                retrying?: {
                                    attempt: number;
                                    code: number;
                                    /** Format: date-time */
                                    next_attempt_at: string;
                                    /** @enum {string} */
                                    reason: "pair_rate_limit" | "throughput" | "temporary";
                                } | null;
                                /** @enum {string} */
                                source?: "cloud_api" | "business_app";
                                /** @enum {string} */
                                status: "received" | "queued" | "sent" | "delivered" | "read" | "failed";
                                text: string | null;
                                type: string;
                            };
                            /** Format: date-time */
                            occurredAt: string;
                            phone_number: string | null;
                            user_id: string | null;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: shutting_down */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/events/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use ticket, valid for 60 seconds, to open the event stream from a browser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the ticket and when it expires */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expires_at: string;
                            ticket: string;
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file a student sent (a message's media), once downloaded from WhatsApp */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the bytes, with their type; images inline, anything else as an attachment with a sanitised file name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                        "image/*": string;
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable | unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1, generated from the route table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            info: {
                                title: string;
                                version: string;
                            } & {
                                [key: string]: unknown;
                            };
                            openapi: string;
                            paths: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbound/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages whatsapp-sender gave up on (kept 7 days), newest failure first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; next_cursor is null on the last */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                error: {
                                    /** @enum {string} */
                                    class: "temporary" | "throughput" | "pair_rate_limit" | "permanent" | "token_invalid" | "invalid_payload";
                                    code: number;
                                    title: string;
                                };
                                /** Format: date-time */
                                failed_at: string;
                                /** @enum {string} */
                                kind: "text" | "buttons" | "list" | "template" | "image" | "document" | "mark_read" | "invalid";
                                message_id: string;
                                retries: number;
                                to: string | null;
                            }[];
                            next_cursor: string | null;
                            total: number;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_failed */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbound/dead-letters/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter once more; its new outcome updates the message in its conversation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description queued again; the retry number names its result */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message_id: string;
                            retry: number;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: retry_pending | not_failed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_failed */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbound/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused sender now (it also resumes by itself once the access token works again) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the queues as they are now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                active: number;
                                delayed: number;
                                failed: number;
                                waiting: number;
                            };
                            outbound: {
                                active: number;
                                delayed: number;
                                failed: number;
                                waiting: number;
                            };
                            pause: {
                                error: {
                                    code: number;
                                    title: string;
                                } | null;
                                /** @enum {string} */
                                reason: "token_invalid" | "unknown";
                                since: string | null;
                            } | null;
                            paused: boolean;
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_failed */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbound/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** whatsapp-sender's queues: paused or not (and why), and their job counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the queues as they are now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                active: number;
                                delayed: number;
                                failed: number;
                                waiting: number;
                            };
                            outbound: {
                                active: number;
                                delayed: number;
                                failed: number;
                                waiting: number;
                            };
                            pause: {
                                error: {
                                    code: number;
                                    title: string;
                                } | null;
                                /** @enum {string} */
                                reason: "token_invalid" | "unknown";
                                since: string | null;
                            } | null;
                            paused: boolean;
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_failed */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: sender_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/parked-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events the engine parked after its retries, newest first; status defaults to parked */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "parked" | "retried" | "discarded";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; next_cursor is null on the last */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                error: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                parked_at: string;
                                payload: string;
                                phone_number: string | null;
                                resolved_at: string | null;
                                resolved_by: string | null;
                                /** @enum {string} */
                                source: "inbound" | "delivery" | "outbox";
                                /** @enum {string} */
                                status: "parked" | "retried" | "discarded";
                                stream_seq: number | null;
                                subject: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/parked-events/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard a parked event (kept for the record until retention) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the event as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event: {
                                attempts: number;
                                error: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                parked_at: string;
                                payload: string;
                                phone_number: string | null;
                                resolved_at: string | null;
                                resolved_by: string | null;
                                /** @enum {string} */
                                source: "inbound" | "delivery" | "outbox";
                                /** @enum {string} */
                                status: "parked" | "retried" | "discarded";
                                stream_seq: number | null;
                                subject: string;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_parked */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/parked-events/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Handle a parked event once more; still parked, with the new error, when it failed again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the event as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event: {
                                attempts: number;
                                error: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                parked_at: string;
                                payload: string;
                                phone_number: string | null;
                                resolved_at: string | null;
                                resolved_by: string | null;
                                /** @enum {string} */
                                source: "inbound" | "delivery" | "outbox";
                                /** @enum {string} */
                                status: "parked" | "retried" | "discarded";
                                stream_seq: number | null;
                                subject: string;
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_parked */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Support queue figures for the dashboard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description current figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active_chats: number;
                            billable_today?: {
                                [key: string]: number;
                            };
                            chats_today: number;
                            median_first_response_seconds: number | null;
                            oldest_waiting_since: string | null;
                            waiting_chats: number;
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: internal */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_invalid_reply */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: engine_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every console account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                disabled: boolean;
                                /** @description null: shown to students and colleagues as the local part of the email */
                                display_name: string | null;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "agent";
                            }[];
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an admin or agent account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the name students and colleagues see */
                        display_name?: string;
                        email: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "agent";
                    };
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                disabled: boolean;
                                /** @description null: shown to students and colleagues as the local part of the email */
                                display_name: string | null;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "agent";
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: email_taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Disable or re-enable an account, change its role or display name, or reset its password */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        display_name?: string | null;
                        password?: string;
                        /** @enum {string} */
                        role?: "admin" | "agent";
                    };
                };
            };
            responses: {
                /** @description the account as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                disabled: boolean;
                                /** @description null: shown to students and colleagues as the local part of the email */
                                display_name: string | null;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "agent";
                            };
                        };
                    };
                };
                /** @description error code: invalid_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description error code: last_admin */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
