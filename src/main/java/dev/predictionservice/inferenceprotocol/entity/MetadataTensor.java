package dev.predictionservice.inferenceprotocol.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Name, datatype and shape of one model input or output; -1 marks the variable batch dimension. */
@Schema(name = "metadata_tensor", description = "An input or output tensor of a model.")
public record MetadataTensor(
    @Schema(example = "age", required = true) String name,
    @Schema(example = "INT64", required = true) String datatype,
    @Schema(example = "[-1]", required = true) List<Long> shape) {

  public MetadataTensor {
    shape = List.copyOf(shape);
  }
}
