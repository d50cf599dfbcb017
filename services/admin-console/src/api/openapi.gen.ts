// GENERATED from admin-api's OpenAPI document by services/admin-console/tools/api-types.ts. Do not edit:
// run `npm run api:types -w @app/admin-console`.
export interface paths {
    "/api/admin/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team: each agent's availability (offline when no console of theirs is open), capacity and active chats */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description every agent the engine knows, by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active_chats: number;
                                /** @enum {string} */
                                availability: "available" | "away" | "offline";
                                capacity: number;
                                /** @enum {string} */
                                chosen_availability: "available" | "away" | "offline";
                                id: string;
                                /** Format: date-time */
                                idle_since: string;
                                last_seen_at: string | null;
                                name: string;
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
    "/api/admin/agents/{id}": {
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
        /** Set how many active chats an agent may hold at once (0-50; default 3) */
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
                        capacity: number;
                    };
                };
            };
            responses: {
                /** @description the agent as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent: {
                                active_chats: number;
                                /** @enum {string} */
                                availability: "available" | "away" | "offline";
                                capacity: number;
                                /** @enum {string} */
                                chosen_availability: "available" | "away" | "offline";
                                id: string;
                                /** Format: date-time */
                                idle_since: string;
                                last_seen_at: string | null;
                                name: string;
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
        trace?: never;
    };
    "/api/admin/agents/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set your own availability: available (waiting chats are offered to you), away, or offline (signing out) */
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
                        /** @enum {string} */
                        availability: "available" | "away" | "offline";
                    };
                };
            };
            responses: {
                /** @description you, as the team sees you now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent: {
                                active_chats: number;
                                /** @enum {string} */
                                availability: "available" | "away" | "offline";
                                capacity: number;
                                /** @enum {string} */
                                chosen_availability: "available" | "away" | "offline";
                                id: string;
                                /** Format: date-time */
                                idle_since: string;
                                last_seen_at: string | null;
                                name: string;
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
    "/api/admin/assignment-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When a chat left unanswered by its assignee is reassigned (auto_reassign_after_seconds; 0: never) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto_reassign_after_seconds: number;
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
        /** Set when an unanswered chat is reassigned: seconds without an answer to the student (0: never, at most a day) */
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
                        auto_reassign_after_seconds: number;
                    };
                };
            };
            responses: {
                /** @description the settings as they are now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto_reassign_after_seconds: number;
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
        trace?: never;
    };
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
                    action?: "auth.login_succeeded" | "auth.login_failed" | "user.created" | "user.updated" | "chat.started" | "chat.claimed" | "chat.message_sent" | "chat.ended" | "chat.template_sent" | "conversation.read" | "outbound.dead_letter_retried" | "outbound.resumed" | "parked_event.retried" | "parked_event.discarded" | "note.added" | "canned_reply.created" | "canned_reply.updated" | "canned_reply.deleted" | "label.created" | "label.updated" | "label.deleted" | "conversation.label_added" | "conversation.label_removed" | "conversation.transcript_exported" | "student.exported" | "student.erased" | "office_hours.updated" | "office_hours.closure_added" | "office_hours.closure_removed" | "chat.assigned" | "chat.handed_back" | "chat.auto_assigned" | "chat.auto_reassigned" | "agent.availability_set" | "agent.capacity_set" | "assignment.settings_updated" | "csat.settings_updated" | "conversation.viewed" | "consent.settings_updated" | "consent.recorded" | "retention.settings_updated";
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
    "/api/admin/canned-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's canned replies as written, placeholders unfilled, by shortcut */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description every canned reply (at most 500) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                id: string;
                                shortcut: string;
                                title: string;
                                /** Format: date-time */
                                updated_at: string;
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
            };
        };
        put?: never;
        /** Add a canned reply */
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
                        /** @description the reply; {student_name}, {agent_name} and {class} are filled when an agent picks it, anything else in braces stays as typed */
                        body: string;
                        /** @description what an agent types after / in the composer to find it; stored in lower case, unique */
                        shortcut: string;
                        title: string;
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
                            canned_reply: {
                                body: string;
                                id: string;
                                shortcut: string;
                                title: string;
                                /** Format: date-time */
                                updated_at: string;
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
                /** @description error code: name_taken */
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
    "/api/admin/canned-replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a canned reply */
        delete: {
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
                /** @description the canned reply that was deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            canned_reply: {
                                body: string;
                                id: string;
                                shortcut: string;
                                title: string;
                                /** Format: date-time */
                                updated_at: string;
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
            };
        };
        options?: never;
        head?: never;
        /** Change a canned reply's title, shortcut or body */
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
                        /** @description the reply; {student_name}, {agent_name} and {class} are filled when an agent picks it, anything else in braces stays as typed */
                        body?: string;
                        /** @description what an agent types after / in the composer to find it; stored in lower case, unique */
                        shortcut?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description the canned reply as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            canned_reply: {
                                body: string;
                                id: string;
                                shortcut: string;
                                title: string;
                                /** Format: date-time */
                                updated_at: string;
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
                /** @description error code: name_taken */
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
                    /** @description true: only conversations whose open support chat was asked for outside office hours */
                    arrived_while_closed?: "true" | "false";
                    chat_support?: "true" | "false";
                    cursor?: string;
                    /** @description only conversations carrying this label (its id) */
                    label?: string;
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
    "/api/admin/conversations/{student}/canned-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Canned replies rendered for this student and the caller: {student_name}, {agent_name} and {class} filled, for the composer */
        get: {
            parameters: {
                query?: {
                    /** @description part of the shortcut or title, any case */
                    q?: string;
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
                /** @description the matching canned replies, by shortcut, each with its rendered text */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                id: string;
                                shortcut: string;
                                /** @description the body with its placeholders filled for this student and the caller */
                                text: string;
                                title: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
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
    "/api/admin/conversations/{student}/chat-support/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the chat to a named agent: a waiting chat is taken (the student is told who joined), an active one transferred silently; may exceed their capacity */
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
                        /** Format: uuid */
                        agent_id: string;
                    };
                };
            };
            responses: {
                /** @description the conversation, assigned to the agent */
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
                /** @description error code: chat_not_active | agent_unavailable */
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
    "/api/admin/conversations/{student}/chat-support/hand-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand your active chat back to the queue (admins: anyone's); it is offered to another agent, not to you again */
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
                /** @description the conversation, waiting again */
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
                                private?: boolean;
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
                                private?: boolean;
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
    "/api/admin/conversations/{student}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The student's age group and guardian consent: not_required, pending (homework uploads wait), given, or age_unknown */
        get: {
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
                /** @description the consent status and record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            age_band: ("under_13" | "13_15" | "16_17" | "18_plus") | null;
                            consent: {
                                contact: string;
                                evidence: string;
                                /** Format: date-time */
                                given_at: string;
                                guardian_name: string;
                                /** @enum {string} */
                                method: "whatsapp" | "staff";
                                recorded_by: string | null;
                                /** @enum {string} */
                                relationship: "parent" | "guardian" | "other";
                            } | null;
                            /** @enum {string} */
                            status: "not_required" | "pending" | "given" | "age_unknown";
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
        /** Record a guardian's consent given outside the chat (a signed form, a call), with the evidence; replaces an earlier record */
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
                        /** @enum {string} */
                        age_band?: "under_13" | "13_15" | "16_17" | "18_plus";
                        contact: string;
                        evidence: string;
                        /** Format: date-time */
                        given_at?: string;
                        guardian_name: string;
                        /** @enum {string} */
                        relationship: "parent" | "guardian" | "other";
                    };
                };
            };
            responses: {
                /** @description the consent status and record as they are now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            age_band: ("under_13" | "13_15" | "16_17" | "18_plus") | null;
                            consent: {
                                contact: string;
                                evidence: string;
                                /** Format: date-time */
                                given_at: string;
                                guardian_name: string;
                                /** @enum {string} */
                                method: "whatsapp" | "staff";
                                recorded_by: string | null;
                                /** @enum {string} */
                                relationship: "parent" | "guardian" | "other";
                            } | null;
                            /** @enum {string} */
                            status: "not_required" | "pending" | "given" | "age_unknown";
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
    "/api/admin/conversations/{student}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a label on the conversation (nothing changes when it is there already) */
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
                        /** Format: uuid */
                        label_id: string;
                    };
                };
            };
            responses: {
                /** @description the conversation with its labels */
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
    "/api/admin/conversations/{student}/labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a label off the conversation (nothing changes when it was not there) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918) */
                    student: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the conversation with its labels */
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
                                private?: boolean;
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
    "/api/admin/conversations/{student}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A private note in the student's thread: only the team sees it, it is never sent (any conversation, in a chat or not) */
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
                        /** @description the note, 1-4096 characters; only the team sees it */
                        text: string;
                    };
                };
            };
            responses: {
                /** @description the note as the thread shows it (type note, private true, status received); every console gets it as a message.created event */
                201: {
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
                                private?: boolean;
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
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
    "/api/admin/conversations/{student}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation as a transcript: HTML made to print, or JSON with the same content (authors, times in a stated zone, delivery status, attachments by name) */
        get: {
            parameters: {
                query?: {
                    /** @description html: a page made to print; json: the same content as data */
                    format?: "html" | "json";
                    /** @description only messages at or after this instant */
                    from?: string;
                    /** @description include the team's private notes, marked as such */
                    notes?: string;
                    /** @description only messages before this instant */
                    to?: string;
                    /** @description the time zone the times are written in (stated in the transcript) */
                    tz?: string;
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
                /** @description the transcript, as an attachment; everything written by people is escaped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                        "text/html": string;
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
    "/api/admin/csat/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether students get the satisfaction survey when a chat with a member of staff ends, and its wording */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the settings (off until turned on) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            texts: {
                                button: string;
                                comment_prompt: string;
                                question: string;
                                rating_1: string;
                                rating_2: string;
                                rating_3: string;
                                rating_4: string;
                                rating_5: string;
                                thanks: string;
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
        /** Turn the survey on or off and set its wording as a whole (question and comment texts <= 1024, button <= 20, rating titles <= 24 characters) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        texts: {
                            button: string;
                            comment_prompt: string;
                            question: string;
                            rating_1: string;
                            rating_2: string;
                            rating_3: string;
                            rating_4: string;
                            rating_5: string;
                            thanks: string;
                        };
                    };
                };
            };
            responses: {
                /** @description the settings as they are now; they apply from the next chat that ends */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            texts: {
                                button: string;
                                comment_prompt: string;
                                question: string;
                                rating_1: string;
                                rating_2: string;
                                rating_3: string;
                                rating_4: string;
                                rating_5: string;
                                thanks: string;
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
        post?: never;
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
                /** @description events named message.created, message.status, conversation.updated, assignment.changed, agent.updated, conversation.erased, office_hours.updated; each data line is this JSON; a comment every 15 s */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            agent?: {
                                active_chats: number;
                                /** @enum {string} */
                                availability: "available" | "away" | "offline";
                                capacity: number;
                                /** @enum {string} */
                                chosen_availability: "available" | "away" | "offline";
                                id: string;
                                /** Format: date-time */
                                idle_since: string;
                                last_seen_at: string | null;
                                name: string;
                            };
                            assignment?: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: uuid */
                                chat_id: string;
                                from: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                reason: "offered" | "assigned" | "transferred" | "handed_back" | "unanswered";
                                student: string;
                                to: {
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            conversation?: {
                                assigned_to: {
                                    id: string;
                                    name: string;
                                } | null;
                                is_chat_support: boolean;
                                labels?: {
                                    colour: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
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
                                private?: boolean;
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
                            office_hours?: {
                                enabled: boolean;
                                next_change_at: string | null;
                                next_change_label: string | null;
                                open_now: boolean;
                            };
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
    "/api/admin/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's labels, by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description every label (at most 200) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                colour: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
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
        /** Add a label (name unique whatever its case; colour as #rrggbb) */
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
                        colour: string;
                        name: string;
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
                            label: {
                                colour: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
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
                /** @description error code: name_taken */
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
    "/api/admin/labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a label; it leaves every conversation that carried it */
        delete: {
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
                /** @description the label that was deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            label: {
                                colour: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
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
        options?: never;
        head?: never;
        /** Rename or recolour a label; every console sees the conversations carrying it change (conversation.updated) */
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
                        colour?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description the label as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            label: {
                                colour: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
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
                /** @description error code: name_taken */
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
    "/api/admin/office-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The weekly schedule in the school time zone, upcoming closures, and whether the team is in hours now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the schedule (enabled false: always open) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closures: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                end_date: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                start_date: string;
                            }[];
                            enabled: boolean;
                            next_change_at: string | null;
                            next_change_label: string | null;
                            open_now: boolean;
                            time_zone: string;
                            updated_at: string | null;
                            updated_by: string | null;
                            weekly: {
                                friday: {
                                    end: string;
                                    start: string;
                                }[];
                                monday: {
                                    end: string;
                                    start: string;
                                }[];
                                saturday: {
                                    end: string;
                                    start: string;
                                }[];
                                sunday: {
                                    end: string;
                                    start: string;
                                }[];
                                thursday: {
                                    end: string;
                                    start: string;
                                }[];
                                tuesday: {
                                    end: string;
                                    start: string;
                                }[];
                                wednesday: {
                                    end: string;
                                    start: string;
                                }[];
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
        /** Replace the weekly schedule and time zone as a whole (periods HH:MM, start before end, never across midnight, no overlaps, at most 6 a day) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        time_zone: string;
                        weekly: {
                            friday?: {
                                end: string;
                                start: string;
                            }[];
                            monday?: {
                                end: string;
                                start: string;
                            }[];
                            saturday?: {
                                end: string;
                                start: string;
                            }[];
                            sunday?: {
                                end: string;
                                start: string;
                            }[];
                            thursday?: {
                                end: string;
                                start: string;
                            }[];
                            tuesday?: {
                                end: string;
                                start: string;
                            }[];
                            wednesday?: {
                                end: string;
                                start: string;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description the schedule as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closures: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                end_date: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                start_date: string;
                            }[];
                            enabled: boolean;
                            next_change_at: string | null;
                            next_change_label: string | null;
                            open_now: boolean;
                            time_zone: string;
                            updated_at: string | null;
                            updated_by: string | null;
                            weekly: {
                                friday: {
                                    end: string;
                                    start: string;
                                }[];
                                monday: {
                                    end: string;
                                    start: string;
                                }[];
                                saturday: {
                                    end: string;
                                    start: string;
                                }[];
                                sunday: {
                                    end: string;
                                    start: string;
                                }[];
                                thursday: {
                                    end: string;
                                    start: string;
                                }[];
                                tuesday: {
                                    end: string;
                                    start: string;
                                }[];
                                wednesday: {
                                    end: string;
                                    start: string;
                                }[];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/office-hours/closures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Closures ending today or later, soonest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the closures (at most 200) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                end_date: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                start_date: string;
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
        /** Add a dated closure (a day, or a range of days in the school time zone) with its reason */
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
                        /** Format: date */
                        end_date?: string;
                        reason: string;
                        /** Format: date */
                        start_date: string;
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
                            closure: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                end_date: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                start_date: string;
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
    "/api/admin/office-hours/closures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a closure */
        delete: {
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
                /** @description the closure removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closure: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                end_date: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                start_date: string;
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
    "/api/admin/privacy/consent-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The school's consent rules: whether registration asks the age group, and which groups need a guardian's consent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the rules (both off by default) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ask_age_band: boolean;
                            guardian_consent_bands: ("under_13" | "13_15" | "16_17" | "18_plus")[];
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
        /** Replace the consent rules (age groups needing consent require the age group question) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ask_age_band: boolean;
                        guardian_consent_bands: ("under_13" | "13_15" | "16_17" | "18_plus")[];
                    };
                };
            };
            responses: {
                /** @description the rules as they are now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ask_age_band: boolean;
                            guardian_consent_bands: ("under_13" | "13_15" | "16_17" | "18_plus")[];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/privacy/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retention of conversation histories, and what the next runs will delete (conversations, messages, media, oldest, next run) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the settings (off by default) and the preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cutoff: string | null;
                            due: {
                                conversations: number;
                                media: number;
                                messages: number;
                            };
                            due_capped: boolean;
                            last_run_at: string | null;
                            last_run_deleted: {
                                conversations: number;
                                media: number;
                                messages: number;
                            } | null;
                            next_run_at: string | null;
                            oldest_due_activity_at: string | null;
                            settings: {
                                days: number;
                                enabled: boolean;
                            };
                            updated_at: string | null;
                            updated_by: string | null;
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
        /** Turn retention on or off and set its period: a conversation idle that many days loses its messages and media (7-3650 days) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days: number;
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description the settings and the preview under them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cutoff: string | null;
                            due: {
                                conversations: number;
                                media: number;
                                messages: number;
                            };
                            due_capped: boolean;
                            last_run_at: string | null;
                            last_run_deleted: {
                                conversations: number;
                                media: number;
                                messages: number;
                            } | null;
                            next_run_at: string | null;
                            oldest_due_activity_at: string | null;
                            settings: {
                                days: number;
                                enabled: boolean;
                            };
                            updated_at: string | null;
                            updated_by: string | null;
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Support figures for a range of days (school time zone, both ends included, at most 366; by day per agent or label at most 93) by day or ISO week, overall, per agent or per label: chats, messages in and out, waiting / first response / resolution times (median, p90), CSAT, chats that arrived outside office hours, failed sends by reason. format=csv answers the same figures as text/csv. */
        get: {
            parameters: {
                query: {
                    bucket?: "day" | "week";
                    by?: "overall" | "agent" | "label";
                    format?: "json" | "csv";
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the report (format=csv: text/csv, one line per group and bucket, then each group’s total) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            bucket: "day" | "week";
                            /** @enum {string} */
                            by: "overall" | "agent" | "label";
                            /** Format: date */
                            from: string;
                            groups: {
                                buckets: {
                                    chats: number;
                                    chats_ended: number;
                                    csat_average: number | null;
                                    csat_distribution: number[];
                                    csat_responses: number;
                                    failed_sends: number;
                                    first_response_median_seconds: number | null;
                                    first_response_p90_seconds: number | null;
                                    messages_in: number;
                                    messages_out: number;
                                    outside_hours_chats: number;
                                    resolution_median_seconds: number | null;
                                    resolution_p90_seconds: number | null;
                                    /** Format: date */
                                    start: string;
                                    waiting_median_seconds: number | null;
                                    waiting_p90_seconds: number | null;
                                }[];
                                failed_by_reason: {
                                    code: number | null;
                                    count: number;
                                    title: string;
                                }[];
                                key: string | null;
                                name: string;
                                totals: {
                                    chats: number;
                                    chats_ended: number;
                                    csat_average: number | null;
                                    csat_distribution: number[];
                                    csat_responses: number;
                                    failed_sends: number;
                                    first_response_median_seconds: number | null;
                                    first_response_p90_seconds: number | null;
                                    messages_in: number;
                                    messages_out: number;
                                    outside_hours_chats: number;
                                    resolution_median_seconds: number | null;
                                    resolution_p90_seconds: number | null;
                                    waiting_median_seconds: number | null;
                                    waiting_p90_seconds: number | null;
                                };
                            }[];
                            omitted_groups: number;
                            time_zone: string;
                            /** Format: date */
                            to: string;
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
                            arrived_while_closed_today?: number;
                            billable_today?: {
                                [key: string]: number;
                            };
                            chats_today: number;
                            median_first_response_seconds: number | null;
                            office_hours?: {
                                enabled: boolean;
                                next_change_at: string | null;
                                next_change_label: string | null;
                                open_now: boolean;
                            };
                            oldest_waiting_since: string | null;
                            open_arrived_while_closed?: number;
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
    "/api/admin/students/{student}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the student everywhere (profile, messages, files, homework, support chats, queued sends); keeps a tombstone so that redelivered old messages bring nothing back; consoles get conversation.erased */
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
                        /** @description the student's id (as in the path) typed again: erasing cannot be undone */
                        confirm: string;
                    };
                };
            };
            responses: {
                /** @description what was removed (counts, no content) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audit_entries_scrubbed: number | null;
                            erasure: {
                                /** Format: date-time */
                                erased_at: string;
                                /** Format: uuid */
                                id: string;
                                jobs_in_flight: number;
                                jobs_removed: number;
                                media_pending: number;
                                removed: {
                                    [key: string]: number;
                                };
                                subject_hash: string;
                            };
                            media_deleted: number;
                            media_pending: number;
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
    "/api/admin/students/{student}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subject access: everything held on the student as one ZIP (profile, consent, messages, homework, files, support chats, audit entries, README and manifest) */
        get: {
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
                /** @description the archive, streamed as it is built */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
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
                /** @description error code: unavailable | engine_unavailable */
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
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsApiAdminAgentsGetResponses200ContentApplicationJsonItemsAvailabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAgentsGetResponses200ContentApplicationJsonItemsChosen_availabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["chosen_availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAgentsIdPatchResponses200ContentApplicationJsonAgentAvailabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents/{id}"]["patch"]["responses"]["200"]["content"]["application/json"]["agent"]["availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAgentsIdPatchResponses200ContentApplicationJsonAgentChosen_availabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents/{id}"]["patch"]["responses"]["200"]["content"]["application/json"]["agent"]["chosen_availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAgentsMeAvailabilityPostRequestBodyContentApplicationJsonAvailabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents/me/availability"]["post"]["requestBody"]["content"]["application/json"]["availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAgentsMeAvailabilityPostResponses200ContentApplicationJsonAgentAvailabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents/me/availability"]["post"]["responses"]["200"]["content"]["application/json"]["agent"]["availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAgentsMeAvailabilityPostResponses200ContentApplicationJsonAgentChosen_availabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/agents/me/availability"]["post"]["responses"]["200"]["content"]["application/json"]["agent"]["chosen_availability"]> = ["available", "away", "offline"];
export const pathsApiAdminAuditGetParametersQueryActionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/audit"]["get"]["parameters"]["query"]["action"]> = ["auth.login_succeeded", "auth.login_failed", "user.created", "user.updated", "chat.started", "chat.claimed", "chat.message_sent", "chat.ended", "chat.template_sent", "conversation.read", "outbound.dead_letter_retried", "outbound.resumed", "parked_event.retried", "parked_event.discarded", "note.added", "canned_reply.created", "canned_reply.updated", "canned_reply.deleted", "label.created", "label.updated", "label.deleted", "conversation.label_added", "conversation.label_removed", "conversation.transcript_exported", "student.exported", "student.erased", "office_hours.updated", "office_hours.closure_added", "office_hours.closure_removed", "chat.assigned", "chat.handed_back", "chat.auto_assigned", "chat.auto_reassigned", "agent.availability_set", "agent.capacity_set", "assignment.settings_updated", "csat.settings_updated", "conversation.viewed", "consent.settings_updated", "consent.recorded", "retention.settings_updated"];
export const pathsApiAdminAuthLoginPostResponses200ContentApplicationJsonUserRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/auth/login"]["post"]["responses"]["200"]["content"]["application/json"]["user"]["role"]> = ["admin", "agent"];
export const pathsApiAdminAuthMeGetResponses200ContentApplicationJsonUserRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/auth/me"]["get"]["responses"]["200"]["content"]["application/json"]["user"]["role"]> = ["admin", "agent"];
export const pathsApiAdminAuthMePatchResponses200ContentApplicationJsonUserRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/auth/me"]["patch"]["responses"]["200"]["content"]["application/json"]["user"]["role"]> = ["admin", "agent"];
export const pathsApiAdminConversationsGetParametersQueryArrived_while_closedValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations"]["get"]["parameters"]["query"]["arrived_while_closed"]> = ["true", "false"];
export const pathsApiAdminConversationsGetParametersQueryChat_supportValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations"]["get"]["parameters"]["query"]["chat_support"]> = ["true", "false"];
export const pathsApiAdminConversationsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations"]["get"]["parameters"]["query"]["status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsGetResponses200ContentApplicationJsonItemsSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentChatSupportAssignPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/assign"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentChatSupportClaimPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/claim"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentChatSupportEndPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/end"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentChatSupportHandBackPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/hand-back"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageAuthorValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["author"]> = ["student", "bot", "agent", "system"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["direction"]> = ["inbound", "outbound"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageMediaAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["media"], {
    kind: unknown;
}>["kind"]> = ["image", "document", "audio", "video"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageMediaAnyOf0StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["media"], {
    status: unknown;
}>["status"]> = ["pending", "stored", "failed"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageRetryingAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["retrying"], {
    reason: unknown;
}>["reason"]> = ["pair_rate_limit", "throughput", "temporary"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["source"]> = ["cloud_api", "business_app"];
export const pathsApiAdminConversationsStudentChatSupportSendPostResponses202ContentApplicationJsonMessageStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/send"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["status"]> = ["received", "queued", "sent", "delivered", "read", "failed"];
export const pathsApiAdminConversationsStudentChatSupportStartPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/start"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageAuthorValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["author"]> = ["student", "bot", "agent", "system"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["direction"]> = ["inbound", "outbound"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageMediaAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["media"], {
    kind: unknown;
}>["kind"]> = ["image", "document", "audio", "video"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageMediaAnyOf0StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["media"], {
    status: unknown;
}>["status"]> = ["pending", "stored", "failed"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageRetryingAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["retrying"], {
    reason: unknown;
}>["reason"]> = ["pair_rate_limit", "throughput", "temporary"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["source"]> = ["cloud_api", "business_app"];
export const pathsApiAdminConversationsStudentChatSupportTemplatePostResponses202ContentApplicationJsonMessageStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/template"]["post"]["responses"]["202"]["content"]["application/json"]["message"]["status"]> = ["received", "queued", "sent", "delivered", "read", "failed"];
export const pathsApiAdminConversationsStudentChatSupportTypingPostResponses200ContentApplicationJsonOneOf1ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/typing"]["post"]["responses"]["200"]["content"]["application/json"], {
    reason: unknown;
}>["reason"]> = ["throttled", "no_inbound_message", "outside_service_window"];
export const pathsApiAdminConversationsStudentChatSupportTypingPostResponses202ContentApplicationJsonOneOf1ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/chat-support/typing"]["post"]["responses"]["202"]["content"]["application/json"], {
    reason: unknown;
}>["reason"]> = ["throttled", "no_inbound_message", "outside_service_window"];
export const pathsApiAdminConversationsStudentConsentGetResponses200ContentApplicationJsonAge_bandAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["get"]["responses"]["200"]["content"]["application/json"]["age_band"]> = ["under_13", "13_15", "16_17", "18_plus"];
export const pathsApiAdminConversationsStudentConsentGetResponses200ContentApplicationJsonConsentAnyOf0MethodValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["get"]["responses"]["200"]["content"]["application/json"]["consent"], {
    method: unknown;
}>["method"]> = ["whatsapp", "staff"];
export const pathsApiAdminConversationsStudentConsentGetResponses200ContentApplicationJsonConsentAnyOf0RelationshipValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["get"]["responses"]["200"]["content"]["application/json"]["consent"], {
    relationship: unknown;
}>["relationship"]> = ["parent", "guardian", "other"];
export const pathsApiAdminConversationsStudentConsentGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["not_required", "pending", "given", "age_unknown"];
export const pathsApiAdminConversationsStudentConsentPostRequestBodyContentApplicationJsonAge_bandValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["post"]["requestBody"]["content"]["application/json"]["age_band"]> = ["under_13", "13_15", "16_17", "18_plus"];
export const pathsApiAdminConversationsStudentConsentPostRequestBodyContentApplicationJsonRelationshipValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["post"]["requestBody"]["content"]["application/json"]["relationship"]> = ["parent", "guardian", "other"];
export const pathsApiAdminConversationsStudentConsentPostResponses200ContentApplicationJsonAge_bandAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["post"]["responses"]["200"]["content"]["application/json"]["age_band"]> = ["under_13", "13_15", "16_17", "18_plus"];
export const pathsApiAdminConversationsStudentConsentPostResponses200ContentApplicationJsonConsentAnyOf0MethodValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["post"]["responses"]["200"]["content"]["application/json"]["consent"], {
    method: unknown;
}>["method"]> = ["whatsapp", "staff"];
export const pathsApiAdminConversationsStudentConsentPostResponses200ContentApplicationJsonConsentAnyOf0RelationshipValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["post"]["responses"]["200"]["content"]["application/json"]["consent"], {
    relationship: unknown;
}>["relationship"]> = ["parent", "guardian", "other"];
export const pathsApiAdminConversationsStudentConsentPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/consent"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["not_required", "pending", "given", "age_unknown"];
export const pathsApiAdminConversationsStudentLabelsPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/labels"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentLabelsIdDeleteResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/labels/{id}"]["delete"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsAuthorValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["author"]> = ["student", "bot", "agent", "system"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["direction"]> = ["inbound", "outbound"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsMediaAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["media"], {
    kind: unknown;
}>["kind"]> = ["image", "document", "audio", "video"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsMediaAnyOf0StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["media"], {
    status: unknown;
}>["status"]> = ["pending", "stored", "failed"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsRetryingAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["retrying"], {
    reason: unknown;
}>["reason"]> = ["pair_rate_limit", "throughput", "temporary"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["source"]> = ["cloud_api", "business_app"];
export const pathsApiAdminConversationsStudentMessagesGetResponses200ContentApplicationJsonItemsStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/messages"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["status"]> = ["received", "queued", "sent", "delivered", "read", "failed"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageAuthorValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["author"]> = ["student", "bot", "agent", "system"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["direction"]> = ["inbound", "outbound"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageMediaAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["media"], {
    kind: unknown;
}>["kind"]> = ["image", "document", "audio", "video"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageMediaAnyOf0StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["media"], {
    status: unknown;
}>["status"]> = ["pending", "stored", "failed"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageRetryingAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["retrying"], {
    reason: unknown;
}>["reason"]> = ["pair_rate_limit", "throughput", "temporary"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["source"]> = ["cloud_api", "business_app"];
export const pathsApiAdminConversationsStudentNotesPostResponses201ContentApplicationJsonMessageStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/notes"]["post"]["responses"]["201"]["content"]["application/json"]["message"]["status"]> = ["received", "queued", "sent", "delivered", "read", "failed"];
export const pathsApiAdminConversationsStudentReadPostResponses200ContentApplicationJsonConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/read"]["post"]["responses"]["200"]["content"]["application/json"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminConversationsStudentTranscriptGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/conversations/{student}/transcript"]["get"]["parameters"]["query"]["format"]> = ["html", "json"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamAgentAvailabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["agent"]["availability"]> = ["available", "away", "offline"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamAgentChosen_availabilityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["agent"]["chosen_availability"]> = ["available", "away", "offline"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamAssignmentReasonValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["assignment"]["reason"]> = ["offered", "assigned", "transferred", "handed_back", "unanswered"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamConversationSupport_statusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["conversation"]["support_status"]> = ["none", "waiting", "active", "ended"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageAuthorValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["author"]> = ["student", "bot", "agent", "system"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["direction"]> = ["inbound", "outbound"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageMediaAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["media"], {
    kind: unknown;
}>["kind"]> = ["image", "document", "audio", "video"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageMediaAnyOf0StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["media"], {
    status: unknown;
}>["status"]> = ["pending", "stored", "failed"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageRetryingAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["retrying"], {
    reason: unknown;
}>["reason"]> = ["pair_rate_limit", "throughput", "temporary"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["source"]> = ["cloud_api", "business_app"];
export const pathsApiAdminEventsGetResponses200ContentTextEventStreamMessageStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]["message"]["status"]> = ["received", "queued", "sent", "delivered", "read", "failed"];
export const pathsApiAdminOutboundDeadLettersGetResponses200ContentApplicationJsonItemsErrorClassValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/outbound/dead-letters"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["error"]["class"]> = ["temporary", "throughput", "pair_rate_limit", "permanent", "token_invalid", "invalid_payload"];
export const pathsApiAdminOutboundDeadLettersGetResponses200ContentApplicationJsonItemsKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/outbound/dead-letters"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["kind"]> = ["text", "buttons", "list", "template", "image", "document", "mark_read", "invalid"];
export const pathsApiAdminOutboundResumePostResponses200ContentApplicationJsonPauseAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/outbound/resume"]["post"]["responses"]["200"]["content"]["application/json"]["pause"], {
    reason: unknown;
}>["reason"]> = ["token_invalid", "unknown"];
export const pathsApiAdminOutboundStatusGetResponses200ContentApplicationJsonPauseAnyOf0ReasonValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/admin/outbound/status"]["get"]["responses"]["200"]["content"]["application/json"]["pause"], {
    reason: unknown;
}>["reason"]> = ["token_invalid", "unknown"];
export const pathsApiAdminParkedEventsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events"]["get"]["parameters"]["query"]["status"]> = ["parked", "retried", "discarded"];
export const pathsApiAdminParkedEventsGetResponses200ContentApplicationJsonItemsSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["source"]> = ["inbound", "delivery", "outbox"];
export const pathsApiAdminParkedEventsGetResponses200ContentApplicationJsonItemsStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["status"]> = ["parked", "retried", "discarded"];
export const pathsApiAdminParkedEventsIdDiscardPostResponses200ContentApplicationJsonEventSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events/{id}/discard"]["post"]["responses"]["200"]["content"]["application/json"]["event"]["source"]> = ["inbound", "delivery", "outbox"];
export const pathsApiAdminParkedEventsIdDiscardPostResponses200ContentApplicationJsonEventStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events/{id}/discard"]["post"]["responses"]["200"]["content"]["application/json"]["event"]["status"]> = ["parked", "retried", "discarded"];
export const pathsApiAdminParkedEventsIdRetryPostResponses200ContentApplicationJsonEventSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events/{id}/retry"]["post"]["responses"]["200"]["content"]["application/json"]["event"]["source"]> = ["inbound", "delivery", "outbox"];
export const pathsApiAdminParkedEventsIdRetryPostResponses200ContentApplicationJsonEventStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/parked-events/{id}/retry"]["post"]["responses"]["200"]["content"]["application/json"]["event"]["status"]> = ["parked", "retried", "discarded"];
export const pathsApiAdminPrivacyConsentSettingsGetResponses200ContentApplicationJsonGuardian_consent_bandsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/privacy/consent-settings"]["get"]["responses"]["200"]["content"]["application/json"]["guardian_consent_bands"]> = ["under_13", "13_15", "16_17", "18_plus"];
export const pathsApiAdminPrivacyConsentSettingsPutRequestBodyContentApplicationJsonGuardian_consent_bandsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/privacy/consent-settings"]["put"]["requestBody"]["content"]["application/json"]["guardian_consent_bands"]> = ["under_13", "13_15", "16_17", "18_plus"];
export const pathsApiAdminPrivacyConsentSettingsPutResponses200ContentApplicationJsonGuardian_consent_bandsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/privacy/consent-settings"]["put"]["responses"]["200"]["content"]["application/json"]["guardian_consent_bands"]> = ["under_13", "13_15", "16_17", "18_plus"];
export const pathsApiAdminReportsGetParametersQueryBucketValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/reports"]["get"]["parameters"]["query"]["bucket"]> = ["day", "week"];
export const pathsApiAdminReportsGetParametersQueryByValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/reports"]["get"]["parameters"]["query"]["by"]> = ["overall", "agent", "label"];
export const pathsApiAdminReportsGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/reports"]["get"]["parameters"]["query"]["format"]> = ["json", "csv"];
export const pathsApiAdminReportsGetResponses200ContentApplicationJsonBucketValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/reports"]["get"]["responses"]["200"]["content"]["application/json"]["bucket"]> = ["day", "week"];
export const pathsApiAdminReportsGetResponses200ContentApplicationJsonByValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/reports"]["get"]["responses"]["200"]["content"]["application/json"]["by"]> = ["overall", "agent", "label"];
export const pathsApiAdminUsersGetResponses200ContentApplicationJsonItemsRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/users"]["get"]["responses"]["200"]["content"]["application/json"]["items"]["role"]> = ["admin", "agent"];
export const pathsApiAdminUsersPostRequestBodyContentApplicationJsonRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/users"]["post"]["requestBody"]["content"]["application/json"]["role"]> = ["admin", "agent"];
export const pathsApiAdminUsersPostResponses201ContentApplicationJsonUserRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/users"]["post"]["responses"]["201"]["content"]["application/json"]["user"]["role"]> = ["admin", "agent"];
export const pathsApiAdminUsersIdPatchRequestBodyContentApplicationJsonRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/users/{id}"]["patch"]["requestBody"]["content"]["application/json"]["role"]> = ["admin", "agent"];
export const pathsApiAdminUsersIdPatchResponses200ContentApplicationJsonUserRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/admin/users/{id}"]["patch"]["responses"]["200"]["content"]["application/json"]["user"]["role"]> = ["admin", "agent"];
export type operations = Record<string, never>;
