// Generated validators (scripts/precompile-schemas.ts): one per document kind and `config`, plus the fingerprint of what they were compiled from.
export declare const fingerprint: string;
