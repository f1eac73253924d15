export declare const schemaFile: string;
export declare function generateSchema(source: string): Promise<string>;
