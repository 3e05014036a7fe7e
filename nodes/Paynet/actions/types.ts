// The contract every operation file fulfils, so the router can check all items before sending any.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface PaynetOperation<Input = unknown> {
	description: INodeProperties[];
	/** Reads and checks one item's parameters without sending anything; bad input throws NodeOperationError. */
	prepare(this: IExecuteFunctions, itemIndex: number): Input;
	/** Sends the prepared request and returns the JSON of the output items for this input item. */
	execute(this: IExecuteFunctions, input: Input, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}
