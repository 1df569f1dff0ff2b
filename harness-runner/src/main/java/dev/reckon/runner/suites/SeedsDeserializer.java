package dev.reckon.runner.suites;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A suite's {@code seeds}: a count ({@code seeds: 3}, the seeds 1, 2 and 3) or a list ({@code seeds:
 * [1, 7]}), read as a list of whole numbers is (an empty item stays null, so that {@link
 * SuiteLoader#requireValid} names it).
 */
final class SeedsDeserializer extends JsonDeserializer<List<Long>> {
  @Override
  public List<Long> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      long count = parser.getLongValue();
      if (count < 1 || count > SuiteLoader.MOST_SEEDS) {
        throw JsonMappingException.from(parser, "seeds: N runs the seeds 1 to N, so N is from 1 to "
            + SuiteLoader.MOST_SEEDS + ", not " + count);
      }
      return LongStream.rangeClosed(1, count).boxed().toList();
    }
    // A list, or anything else, as the field's own type reads it: its errors name the item.
    return context.readValue(parser, context.getTypeFactory().constructCollectionType(List.class, Long.class));
  }
}
