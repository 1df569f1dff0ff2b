package org.example.messages;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/** A model written against the api, DJL and Reckon's model kit, as a plugin project of its own. */
public final class MessagePassingPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new MessageMlpFactory());
  }
}
